-- grain: one row per fund, base year, scenario, year (base year to base year + horizon), sex and age
-- band: the participants the projection expects.
-- Year B holds the base year's participants. Each next year, scenario population `projected`:
--   survivors = persons × stay_rate                              (rounded to 12 decimals)
--   advancing = survivors × advance_share                        (rounded; 0 in the open band)
--   entering  = entry_rate × all persons of the fund last year   (rounded)
--   persons   = survivors − advancing + the band below's advancing + entering
-- population `held`: persons stay as in year B. The same steps, in the same order, are
-- projectPopulation() in src/components/projection.ts.
with recursive inputs as (
    select * from int_projection_inputs
),

scenarios as (
    select * from cfg_projection_scenario
),

horizon as (
    select horizon_years from cfg_projection
),

population as (
    select
        inputs.city,
        inputs.scheme,
        inputs.base_year,
        scenarios.scenario,
        inputs.base_year as year,
        inputs.sex,
        inputs.age_from,
        inputs.participants as persons,
    from inputs
    cross join scenarios
    union all
    select
        city,
        scheme,
        base_year,
        scenario,
        year + 1 as year,
        sex,
        age_from,
        case
            when population_rule = 'held' then persons
            else (
                survivors - advancing
                + coalesce(lag(advancing) over (partition by city, scheme, base_year, scenario, sex order by age_from), 0)
                + entering
            )::decimal(38, 12)
        end as persons,
    from (
        select
            population.*,
            scenarios.population as population_rule,
            (population.persons * inputs.stay_rate)::decimal(38, 12) as survivors,
            ((population.persons * inputs.stay_rate)::decimal(38, 12) * inputs.advance_share)::decimal(38, 12) as advancing,
            (inputs.entry_rate * sum(population.persons) over (partition by population.city, population.scheme, population.base_year, population.scenario))::decimal(38, 12) as entering,
        from population
        inner join inputs
            on inputs.city = population.city
            and inputs.scheme = population.scheme
            and inputs.base_year = population.base_year
            and inputs.sex = population.sex
            and inputs.age_from = population.age_from
        inner join scenarios
            on scenarios.scenario = population.scenario
        where population.year < population.base_year + (select horizon_years from horizon)
    )
),

final as (
    select * from population
)

select * from final
