package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.RequesterDirectory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.store.RequesterIndex;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One requester, many handles, on a store ({@link RequesterDirectory}): tickets found by any
 * written form of a handle, identities merged with history, for the tenant only.
 */
public abstract class RequesterContract extends HandoffContract {

  /** The directory under test, attached to {@link #service}. */
  protected RequesterDirectory directory;

  /**
   * Returns the requester index of the store under test (called after {@link #createStore()}).
   *
   * @return the index
   */
  protected abstract RequesterIndex createRequesterIndex();

  @BeforeEach
  void setUpDirectory() {
    directory = RequesterDirectory.attach(service, createRequesterIndex());
  }

  /** Opens a ticket of a requester. */
  protected Ticket openFor(TenantId owner, Requester requester, String subject) {
    return service.open(owner, WANG, NewTicket.builder().requester(requester)
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT).subject(subject).description("Help").build());
  }

  @Test
  void everyWrittenFormOfAHandleFindsTheRequestersTickets() {
    Requester wang = Requester.of("crm-1", "王芳", ContactHandle.email("Wang.Fang@Example.CN"),
        ContactHandle.phone("138 0013 8000"), ContactHandle.wechatOpenId("oAbC123"),
        ContactHandle.of(ContactHandle.WECHAT_UNIONID, "uNiOn9"), ContactHandle.douyinId("dy_42"));
    Ticket a = openFor(tenant, wang, "Refund");
    Ticket b = openFor(tenant, wang, "Login");
    openFor(tenant, Requester.of("crm-2", "Li Lei", ContactHandle.email("li@example.cn")), "x");
    openFor(otherTenant, wang, "Other tenant");

    for (ContactHandle h : List.of(ContactHandle.email(" wang.fang@example.cn"),
        ContactHandle.phone("+86 138-0013-8000"), ContactHandle.phone("0086 (138) 00138000"),
        ContactHandle.phone("8613800138000"), ContactHandle.wechatOpenId("oAbC123"),
        ContactHandle.of(ContactHandle.WECHAT_UNIONID, "uNiOn9"),
        ContactHandle.douyinId("dy_42"))) {
      assertThat(directory.tickets(tenant, h)).as(h.toString()).extracting(Ticket::id)
          .containsExactly(a.id(), b.id());
    }
    assertThat(directory.tickets(tenant, ContactHandle.wechatOpenId("oabc123"))).isEmpty();
    assertThat(directory.tickets(tenant, ContactHandle.phone("139 0000 0000"))).isEmpty();
  }

  @Test
  void mergingTwoIdentitiesMovesTheTicketsWithHistory() {
    Requester phone = Requester.of("tel-7", "Wang", ContactHandle.phone("13800138000"));
    Requester mail = Requester.of("crm-1", "王芳", ContactHandle.email("wang@example.cn"));
    Ticket byPhone = openFor(tenant, phone, "Called in");
    Ticket byMail = openFor(tenant, mail, "Wrote in");
    Requester merged = Requester.of("crm-1", "王芳", ContactHandle.email("wang@example.cn"),
        ContactHandle.phone("13800138000"));

    List<TicketId> moved = directory.merge(tenant, LI, "tel-7", merged);

    assertThat(moved).containsExactly(byPhone.id());
    assertThat(directory.tickets(tenant, ContactHandle.phone("+86 138 0013 8000")))
        .extracting(Ticket::id).containsExactly(byPhone.id(), byMail.id());
    Ticket after = store.get(tenant, byPhone.id()).orElseThrow();
    assertThat(after.requester()).isEqualTo(merged);
    List<HistoryEntry> history = store.history(tenant, byPhone.id());
    assertThat(history).anySatisfy(e -> {
      assertThat(e.field()).isEqualTo(TicketField.CAUSE);
      assertThat(e.after()).contains("tel-7").contains("crm-1");
    });
    assertThat(history).filteredOn(e -> TicketField.REQUESTER.equals(e.field())).hasSize(2);
    assertThat(TicketReplay.replay(history)).isEqualTo(after);
    assertThat(directory.merge(tenant, LI, "tel-7", merged)).isEmpty();
    assertThatThrownBy(() -> directory.merge(tenant, WANG, "crm-1",
        Requester.of("x", "X"))).isInstanceOf(InvalidInputException.class);
    assertThat(directory.tickets(otherTenant, ContactHandle.phone("13800138000"))).isEmpty();
  }
}
