-- Deliveries are claimed (SENDING, with a lease) in one short transaction, sent outside any transaction and
-- recorded in another; a claim whose lease ran out (the service died mid-send) is queued again.
alter table delivery add column claimed_at timestamptz;
alter table delivery add column lease_until timestamptz;
create index delivery_sending on delivery (lease_until) where status = 'SENDING';
