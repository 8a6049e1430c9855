-- day_bits(day_from, day_to): the days day_from..day_to of a month (1 = its first day) as bits of a
-- BIGINT (bit 0 = day 1); none when day_from > day_to. The audit's day-wise conditions are such
-- masks (int_eligibility_checked): days admitted by all = their AND, counted with bit_count.
create or replace macro day_bits(day_from, day_to) as
    case
        when greatest(day_from, 1) > least(day_to, 31) then 0::bigint
        else (1::bigint << least(day_to, 31)::integer) - (1::bigint << (greatest(day_from, 1) - 1)::integer)
    end;
