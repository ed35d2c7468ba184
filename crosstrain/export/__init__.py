"""Stage: quiz banks and modules -> files an LMS imports (GIFT, Moodle XML, SCORM 1.2).

Every format reads items through one view (`crosstrain.export.item.LocalItem`): the
texts of an item in one locale, so the formats never disagree on what an item says."""
