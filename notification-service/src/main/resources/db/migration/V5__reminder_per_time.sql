-- One subject can have several reminders of a kind (a deadline: 14 and 3 days before).
alter table reminder drop constraint reminder_subject_key_category_audience_kind_audience_key;
alter table reminder add constraint reminder_once unique (subject_key, category, audience_kind, audience, fire_at);
