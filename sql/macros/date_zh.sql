-- date_zh(d): a date as a reader writes it, 2027年1月5日 (the site's and the report's format), for
-- text the warehouse writes for people (the audit's findings). month_zh: sql/macros/month_zh.sql.
create or replace macro date_zh(d) as strftime(d::date, '%Y年%-m月%-d日');
