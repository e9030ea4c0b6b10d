package dev.ticketkit.kb.search;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * Groups of words or phrases that a search treats as equal, for example
 * {@code 登录 / 登陆 / login}. A query that contains one member also finds articles that use
 * another.
 *
 * <p>Synonyms apply at query time only, so changing them needs no re-indexing. Members are
 * analyzed like any text, so {@code Login} and {@code login} are the same member. Instances are
 * immutable and thread-safe.
 *
 * @param groups the groups, each with at least two members
 */
public record Synonyms(List<List<String>> groups) {

  /** No synonyms at all. */
  public static final Synonyms NONE = new Synonyms(List.of());

  /**
   * Validates and copies the groups.
   *
   * @throws InvalidInputException if a group has fewer than two members or a blank member
   */
  public Synonyms {
    Objects.requireNonNull(groups, "groups");
    for (int i = 0; i < groups.size(); i++) {
      List<String> group = groups.get(i);
      if (group == null || group.size() < 2 || group.stream().anyMatch(m -> m == null || m.isBlank())) {
        throw new InvalidInputException("synonyms[" + i + "]", group, "needs 2+ non-blank members");
      }
    }
    groups = groups.stream().map(List::copyOf).toList();
  }

  /**
   * Returns the built-in groups for the common support vocabulary: login, payment, password,
   * refund, return, crash, cache, delivery, order, permission and account binding, in Chinese
   * (both common spellings where users mix them up, such as 登录 and 登陆) and English.
   *
   * @return the default synonyms
   */
  public static Synonyms defaults() {
    return new Synonyms(List.of(
        List.of("登录", "登陆", "login", "signin"),
        List.of("支付", "付款", "payment", "pay"),
        List.of("密码", "password"),
        List.of("退款", "refund"),
        List.of("退货", "return"),
        List.of("闪退", "崩溃", "crash"),
        List.of("缓存", "cache"),
        List.of("物流", "快递", "shipping", "delivery"),
        List.of("订单", "order"),
        List.of("权限", "permission"),
        List.of("绑定", "bind")));
  }

  /**
   * Returns these synonyms plus one more group.
   *
   * @param members the new group's members, at least two
   * @return the extended synonyms
   * @throws InvalidInputException if the group is not acceptable
   */
  public Synonyms plus(String... members) {
    List<List<String>> more = new java.util.ArrayList<>(groups);
    more.add(List.of(members));
    return new Synonyms(more);
  }
}
