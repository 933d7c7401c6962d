-- The retention task (platform/retention.ts) finds what has outlived its period by age: finished jobs
-- by when they finished, events by when they were written (the outbox has mail_outbox_recent).
create index jobs_finished on jobs (finished_at) where state <> 'queued';
create index events_created on events (created_at);
