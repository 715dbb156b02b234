-- A first delivery of a million participations refreshes ~200k (year, CVR) facts in one call; its
-- sort of the million rows spilled ~40 MB to disk at 64MB. Memory is only taken when a sort needs it.
ALTER FUNCTION klynge_refresh_company_year_facts(smallint[], char(8)[]) SET work_mem = '256MB';
