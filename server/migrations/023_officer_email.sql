-- An officer's work email: where a case's news reaches the officer who holds it (a citizen's reply,
-- an integration); unset, they go to the office's address.
alter table operators add column email text check (length(email) between 3 and 254);
