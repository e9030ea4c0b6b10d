package dev.ticketkit.testkit;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Ready ticket intakes for tests: one requester per channel, reachable on that channel (an email
 * address for email, an OpenID for WeChat, a Douyin id for Douyin...), with a subject and a
 * description a requester on that channel would write.
 *
 * <pre>{@code
 * Ticket t = tickets.open(tenant, Actor.requester("wang"),
 *     SampleTickets.builder(Channel.WECHAT_OFFICIAL_ACCOUNT, Priority.URGENT)
 *         .category(Category.parse("payment/refund"))
 *         .build());
 * }</pre>
 *
 * <p>Thread-safe: stateless; every call returns a new builder or an immutable value.
 */
public final class SampleTickets {

  private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PHONE,
      Channel.WEB_FORM, Channel.ONLINE_CHAT, Channel.IN_APP, Channel.DOUYIN,
      Channel.WECHAT_CHANNELS, Channel.WECHAT_OFFICIAL_ACCOUNT, Channel.COMMUNITY_FORUM,
      Channel.IM, Channel.API);

  private SampleTickets() {}

  /**
   * Returns the well-known channels, in the order {@link Channel} declares them.
   *
   * @return EMAIL, PHONE, WEB_FORM, ONLINE_CHAT, IN_APP, DOUYIN, WECHAT_CHANNELS,
   *     WECHAT_OFFICIAL_ACCOUNT, COMMUNITY_FORUM, IM, API
   */
  public static List<Channel> channels() {
    return CHANNELS;
  }

  /**
   * Returns the sample requester of a channel: an id and display name, and a contact handle of
   * the channel's kind (a host channel made with {@link Channel#of(String)} gets an IM handle).
   *
   * @param channel the channel
   * @return the requester; its id is {@code "req-"} and the channel's code in lower case
   */
  public static Requester requester(Channel channel) {
    String code = Objects.requireNonNull(channel, "channel").code().toLowerCase(Locale.ROOT);
    String id = "req-" + code.replace('_', '-');
    ContactHandle handle;
    if (channel.equals(Channel.EMAIL) || channel.equals(Channel.WEB_FORM)) {
      handle = ContactHandle.email(code.replace('_', '.') + "@example.com");
    } else if (channel.equals(Channel.PHONE)) {
      handle = ContactHandle.phone("+86 138 0013 8000");
    } else if (channel.equals(Channel.WECHAT_OFFICIAL_ACCOUNT)
        || channel.equals(Channel.WECHAT_CHANNELS)) {
      handle = ContactHandle.wechatOpenId("oWx-" + code.length() + "-sample");
    } else if (channel.equals(Channel.DOUYIN)) {
      handle = ContactHandle.douyinId("dy-sample-2026");
    } else {
      handle = ContactHandle.of(ContactHandle.IM, code + "-user");
    }
    return Requester.of(id, "Sample requester on " + channel.code(), handle);
  }

  /**
   * Returns a builder with the channel's requester, the channel, a subject and a description,
   * and the priority set; the other fields (category, tags, custom fields, tier...) are free to
   * set, each once.
   *
   * @param channel the intake channel
   * @param priority the priority
   * @return a new builder, not thread-safe
   */
  public static NewTicket.Builder builder(Channel channel, Priority priority) {
    Objects.requireNonNull(priority, "priority");
    boolean chinese = channel.equals(Channel.WECHAT_OFFICIAL_ACCOUNT)
        || channel.equals(Channel.WECHAT_CHANNELS) || channel.equals(Channel.DOUYIN);
    return NewTicket.builder()
        .requester(requester(channel))
        .channel(channel)
        .subject(chinese ? "支付页面报错 E1024" : "Payment page shows error E1024")
        .description(chinese ? "今天上午开始，付款时页面一直报错，订单显示待支付。"
            : "Since this morning the payment page fails and the order stays unpaid.")
        .priority(priority);
  }

  /**
   * Returns an intake on a channel with a priority, as {@link #builder(Channel, Priority)} fills
   * it.
   *
   * @param channel the intake channel
   * @param priority the priority
   * @return the intake
   */
  public static NewTicket intake(Channel channel, Priority priority) {
    return builder(channel, priority).build();
  }

  /**
   * Returns one intake for every well-known channel and priority, channels in {@link #channels()}
   * order and, within a channel, priorities from URGENT to LOW.
   *
   * @return 44 intakes
   */
  public static List<NewTicket> everyChannelAndPriority() {
    List<NewTicket> out = new ArrayList<>();
    for (Channel channel : CHANNELS) {
      for (Priority priority : Priority.values()) {
        out.add(intake(channel, priority));
      }
    }
    return List.copyOf(out);
  }
}
