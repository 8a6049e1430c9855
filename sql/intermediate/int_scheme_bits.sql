-- grain: one row per scheme of the enrolment rows, with its bit in a person's scheme mask
-- (sql/macros/scheme_bits.sql). A table of its own so that the participant counts, which an
-- incremental build adds to, keep the bits they were counted with: when this table changes, they
-- are counted again whole (data-loaders/incremental.ts).
select * from scheme_bits(stg_enrolment)
