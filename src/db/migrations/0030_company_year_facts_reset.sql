-- Custom SQL migration file, put your code below! --
-- company_year_facts gets a basis (official or preliminary) and the attributes a company is
-- classified by (reporting format 1.1); the next migrations add the columns and rebuild every row
-- from the participations, so the rows of the old shape go first.
TRUNCATE company_year_facts;
