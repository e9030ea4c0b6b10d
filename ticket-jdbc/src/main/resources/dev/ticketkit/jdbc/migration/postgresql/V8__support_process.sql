-- TicketKit support process (issue 13): the reason of a DISSATISFIED rating.
alter table tk_ticket add column rating_reason varchar(40);
