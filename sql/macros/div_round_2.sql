-- div_round_2(n, d): n / d rounded half away from zero to 2 decimals, exactly, in DECIMAL (DuckDB
-- divides DECIMALs in DOUBLE). n and d have at most 12 decimals; null when d is 0 or null. The
-- projection's months payable and per-head financing use it, and src/components/projection.ts
-- rounds the same way with BigInt: q = (200·|n| + |d|) div (2·|d|) on the 12-decimal integers.
create or replace macro div_round_2(n, d) as (
    case
        when n is null or d is null or d = 0 then null
        else (
            sign(n) * sign(d)
            * (
                (abs(n::decimal(38, 12)) * 1000000000000)::hugeint * 200
                + (abs(d::decimal(38, 12)) * 1000000000000)::hugeint
            ) // ((abs(d::decimal(38, 12)) * 1000000000000)::hugeint * 2)
        )::decimal(38, 0) * 0.01
    end
)::decimal(18, 2)
