-- grain: one row per scheme of the enrolment rows, with its bit in a person's scheme mask
-- (sql/macros/scheme_bits.sql). One table for the models that make the masks
-- (int_participants_counted, int_district_participants_counted) and the marts that read them
-- back, so that both use the same bits.
select * from scheme_bits(stg_enrolment)
