"""Results of the room: attempt records, Moodle response reports, and the item and quiz
statistics computed from them (classical test theory), for trainers and the checker."""
