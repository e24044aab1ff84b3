-- A retry is answered as the caller may see the complaint now, built by the
-- same function as the first answer (server/domain/complaint_answers.h). A
-- request record keeps what that answer depends on: the PIN generation the
-- request issued (SubmitComplaint: 1, ReissuePin: the new one; NULL for the
-- other steps), shown again only while it is still the complaint's, and the
-- complaint's version right after the request. Older rows: a submission
-- issued generation 1; the generation of an older ReissuePin is unknown, so
-- its retry withholds the PIN.
ALTER TABLE request_records ADD COLUMN pin_generation INTEGER NULL;
ALTER TABLE request_records ADD COLUMN result_version INTEGER NULL;
UPDATE request_records SET pin_generation = 1 WHERE method = 'SubmitComplaint';
