-- The level of assurance of each citizen session, SPID and CIE alike (the `acr` of the ID token):
-- an online service may need level 3, and a level-2 session then logs in again at level 3.
alter table citizen_sessions add column level smallint;
