-- grain: one row per fund, base year, sex and age band (cfg_life_table): the base year's
-- participants and the yearly flow the projection ages them forward with.
-- Participants (Y): persons with an enrolment row of contribution year Y in the fund (its scheme;
-- any scheme for an `all` fund): those who are financed. Age = Y − birth year (completed years at
-- the year's end), so a person moves up one band every five years: each year advance_share (1/5) of
-- a band's survivors move up, the open top band keeps its own.
-- From year B−1 to B: continuing = persons of B−1 also in B, entrants = persons of B not in B−1.
-- stay_rate = (1 − q) × (1 − w): q from the life table, w one non-death exit rate per fund that
-- makes the life table's survivors of B−1 equal the persons who continued (clamped to [0, 1)).
-- entry_rate = entrants of the band / all participants of B−1: next year's entrants per participant.
-- A base year whose B−1 is no complete year of the fund (its first year; 连云港 2026 has three
-- months and a few early payers) has w = 0 and no entrants.
-- Rates are DOUBLE divisions rounded here to 12 decimals; the projection uses them as stored.
with enrolments as (
    select * from stg_enrolment
),

funds as (
    select * from int_projection_funds
),

life_table as (
    select * from cfg_life_table
),

fund_keys as (
    select distinct
        city,
        scheme,
    from funds
),

persons as (
    select
        fund_keys.city,
        fund_keys.scheme,
        enrolments.year,
        enrolments.person_no,
        case min(enrolments.gender) when 1 then 'male' else 'female' end as sex,
        min(year(enrolments.birth_date)) as birth_year,
    from enrolments
    inner join fund_keys
        on fund_keys.city = enrolments.city
        and (fund_keys.scheme = 'all' or fund_keys.scheme = enrolments.scheme)
    group by all
),

-- every age 0–150 with its band: an equi-join, not a range join over millions of rows
ages as (
    select
        unnest(range(age_from, coalesce(age_to, 150) + 1)) as age,
        age_from,
    from (select distinct age_from, age_to from life_table)
),

banded as (
    select
        persons.*,
        ages.age_from,
    from persons
    inner join ages
        on ages.age = persons.year - persons.birth_year
),

-- whether each person-year follows one of the person's and is followed by one: one window sort,
-- no join on persons
linked as (
    select
        *,
        coalesce(lag(year) over by_person = year - 1, false) as in_previous_year,
        coalesce(lead(year) over by_person = year + 1, false) as in_next_year,
    from banded
    window by_person as (partition by city, scheme, person_no order by year)
),

-- base year B: each person at their band in B
base_counts as (
    select
        funds.city,
        funds.scheme,
        funds.base_year,
        linked.sex,
        linked.age_from,
        count(*) as participants,
        count(*) filter (where not linked.in_previous_year) as entrants,
    from funds
    inner join linked
        on linked.city = funds.city
        and linked.scheme = funds.scheme
        and linked.year = funds.base_year
    group by all
),

-- the persons of B−1 at their band in B−1, only where B−1 is a complete year of the fund too: a
-- year of a few early payers gives no rates
previous_counts as (
    select
        funds.city,
        funds.scheme,
        funds.base_year,
        linked.sex,
        linked.age_from,
        count(*) as previous_participants,
        count(*) filter (where linked.in_next_year) as continuing,
    from funds
    inner join funds as previous_year
        on previous_year.city = funds.city
        and previous_year.scheme = funds.scheme
        and previous_year.base_year = funds.base_year - 1
    inner join linked
        on linked.city = funds.city
        and linked.scheme = funds.scheme
        and linked.year = funds.base_year - 1
    group by all
),

-- every sex and band of every fund and base year, with the life table's rates
cells as (
    select
        funds.city,
        funds.scheme,
        funds.base_year,
        life_table.sex,
        life_table.age_from,
        life_table.age_to,
        life_table.death_rate,
        life_table.advance_share,
        coalesce(base_counts.participants, 0) as participants,
        coalesce(base_counts.entrants, 0) as entrants,
        coalesce(previous_counts.previous_participants, 0) as previous_participants,
        coalesce(previous_counts.continuing, 0) as continuing,
    from funds
    cross join life_table
    left join base_counts
        on base_counts.city = funds.city
        and base_counts.scheme = funds.scheme
        and base_counts.base_year = funds.base_year
        and base_counts.sex = life_table.sex
        and base_counts.age_from = life_table.age_from
    left join previous_counts
        on previous_counts.city = funds.city
        and previous_counts.scheme = funds.scheme
        and previous_counts.base_year = funds.base_year
        and previous_counts.sex = life_table.sex
        and previous_counts.age_from = life_table.age_from
),

fund_flows as (
    select
        city,
        scheme,
        base_year,
        sum(previous_participants) as previous_participants,
        sum(continuing) as continuing,
        -- the life table's survivors of B−1 (a sum of doubles in a fixed order: the same to the last bit in every build)
        sum(previous_participants * (1 - death_rate::double) order by sex, age_from) as expected_survivors,
    from cells
    group by all
),

exit_rates as (
    select
        *,
        case
            when previous_participants = 0 then 0
            else least(greatest(1 - continuing / expected_survivors, 0), 0.999999)
        end as withdrawal_rate,
    from fund_flows
),

final as (
    select
        cells.city,
        cells.scheme,
        cells.base_year,
        cells.sex,
        cells.age_from,
        cells.age_to,
        cells.participants,
        cells.entrants,
        cells.previous_participants,
        cells.continuing,
        cells.death_rate,
        exit_rates.withdrawal_rate::decimal(18, 6) as withdrawal_rate,
        ((1 - cells.death_rate::double) * (1 - exit_rates.withdrawal_rate))::decimal(38, 12) as stay_rate,
        cells.advance_share::decimal(38, 12) as advance_share,
        case
            when exit_rates.previous_participants = 0 then 0
            else cells.entrants / exit_rates.previous_participants
        end::decimal(38, 12) as entry_rate,
    from cells
    inner join exit_rates
        on exit_rates.city = cells.city
        and exit_rates.scheme = cells.scheme
        and exit_rates.base_year = cells.base_year
)

select * from final
