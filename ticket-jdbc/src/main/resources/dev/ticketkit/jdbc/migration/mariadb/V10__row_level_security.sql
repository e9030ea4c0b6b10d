-- Row-level security on the ticket tables (issue 11) exists on PostgreSQL only; this version
-- keeps the three schemas' version numbers aligned and changes nothing here.
select 1;
