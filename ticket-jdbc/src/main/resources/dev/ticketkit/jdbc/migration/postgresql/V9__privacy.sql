-- TicketKit privacy on PostgreSQL (issue 14): the record of each requester erasure (who, when,
-- how many, the pseudonym), never the erased data.

create table tk_privacy_erasure (
  seq          bigint generated always as identity primary key,
  tenant_id    varchar(64)   collate "C" not null,
  pseudonym    varchar(64)   not null,
  erased_by    varchar(140)  not null,
  at           timestamp(6)  not null,
  tickets      integer       not null,
  attachments  integer       not null
);
create index tk_privacy_erasure_by_tenant on tk_privacy_erasure (tenant_id, seq);

-- Erasure and retention find a ticket's outbox rows (delivered ones too) by ticket.
create index tk_outbox_by_ticket on tk_outbox (tenant_id, ticket_id);

-- Erasure's text rule, applied in the database so that erasing a ticket is one statement: a value
-- equal to the requester's id becomes the pseudonym; otherwise each key is replaced by its value,
-- in array order (longest first, as dev.ticketkit.core.privacy.Erasure orders them).
create function tk_privacy_erase(val text, rid text, pseudo text, ks text[], vs text[])
  returns text language plpgsql immutable as $$
declare
  result text := val;
begin
  if val is null then
    return null;
  end if;
  if val = rid then
    return pseudo;
  end if;
  for i in 1 .. coalesce(array_length(ks, 1), 0) loop
    if strpos(result, ks[i]) > 0 then
      result := replace(result, ks[i], vs[i]);
    end if;
  end loop;
  return result;
end
$$;
