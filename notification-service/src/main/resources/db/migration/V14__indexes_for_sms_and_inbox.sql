-- A person's SMS of the last hour (the rate limit, asked before every SMS) and the units an officer reads the inbox
-- of (every inbox call), by an index rather than a scan of the largest tables.
create index delivery_sms_by_person on delivery (user_id, channel, sent_at);
create index unit_officer_by_username on unit_officer (username);
