-- TicketKit support process (issue 13) on H2: the reason of a DISSATISFIED rating and the problem
-- record of a problem ticket (incidents link to it through tk_ticket_link, found by
-- tk_ticket_link_by_target).
alter table tk_ticket add column rating_reason varchar(40);
alter table tk_ticket add column problem varchar(1000000);
