-- scheme_bits(enrolments): each scheme of the enrolment table named with its bit in a person's scheme
-- mask (ordered by code; the contract has two schemes). mart_city_comparison and mart_district count
-- distinct persons per scheme and for `all` from one aggregate per person and year carrying this mask.
-- The table is a parameter (query_table) because a macro's body is bound when it is created, before
-- the staging views exist.
create or replace macro scheme_bits(enrolments) as table
    select
        scheme,
        (1::hugeint << (row_number() over (order by scheme nulls last) - 1)::integer) as scheme_bit,
    from (select distinct scheme from query_table(enrolments));
