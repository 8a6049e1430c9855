-- month_zh(m): a month as a reader writes it, 2027年1月 (the site's and the report's format).
create or replace macro month_zh(m) as strftime(m::date, '%Y年%-m月');
