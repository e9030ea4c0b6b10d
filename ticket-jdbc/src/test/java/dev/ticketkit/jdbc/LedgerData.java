package dev.ticketkit.jdbc;

/** Bulk ticket rows for the follow-up ledger's plan test (PostgreSQL SQL). */
final class LedgerData {

  private LedgerData() {}

  /**
   * Returns an insert of {@code count} tickets spread over tenants {@code big-0..}, agents
   * {@code agent-0..} and tiers 1-3, two thirds of them closed, with requester updates spread over
   * three months.
   */
  static String insertTickets(int count, int tenants, int agents) {
    return "insert into tk_ticket (id, tenant_id, number, version, requester_id, requester,"
        + " channel, subject, description, attachments, priority, status, status_category,"
        + " status_changed_at, assignee, tier, tags, custom_fields, links, cycle, created_at,"
        + " updated_at, requester_updated_at, handoffs)"
        + " select gen_random_uuid(), 'big-' || (g % " + tenants + "), g / " + tenants + " + 1,"
        + " 1, 'req-' || (g % 7919), '{}', 'EMAIL', 'S', 'D', '[]', 'LOW',"
        + " (array['NEW','DIAGNOSING','RESOLVING','CLOSED','CLOSED','CLOSED'])[g % 6 + 1],"
        + " (array['NEW','OPEN','OPEN','CLOSED','CLOSED','CLOSED'])[g % 6 + 1],"
        + " timestamp '2026-01-01 00:00' + g * interval '1 minute',"
        + " 'agent-' || (g % " + agents + "), g % 3 + 1, '[]', '{}', '[]', 1,"
        + " timestamp '2026-01-01 00:00' + g * interval '1 minute',"
        + " timestamp '2026-01-01 00:00' + g * interval '1 minute',"
        + " timestamp '2026-01-01 00:00' + ((g * 7919) % " + count + ") * interval '1 minute',"
        + " '[]' from generate_series(0, " + (count - 1) + ") g";
  }
}
