package dev.ticketkit.examples.month;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Priority;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the simulated shop's customers ask about: the support catalogue (categories with their
 * share of requests, usual priorities and typical wording), the channels they write on, and the
 * help-centre articles that answer some of them. Stateless; the lists are immutable.
 */
final class SupportCatalogue {

  private SupportCatalogue() {}

  /** The category that complaints fall under; the spike detector watches it. */
  static final Category COMPLAINT = Category.parse("complaint");

  /**
   * One kind of request.
   *
   * @param category its category
   * @param weight its share of requests
   * @param priorities weights of URGENT, HIGH, MEDIUM, LOW
   * @param subjects typical subjects
   * @param description a typical description
   * @param article the index of the article that answers it in {@link #ARTICLES}, or -1
   * @param workHours typical working hours needed to solve it
   */
  record Kind(Category category, int weight, int[] priorities, List<String> subjects,
      String description, int article, double workHours) {

    Priority priority(SplittableRandom r) {
      int i = Draw.weighted(r, priorities);
      return Priority.values()[i];
    }

    boolean isComplaint() {
      return category.isWithin(COMPLAINT);
    }
  }

  /**
   * A help-centre article.
   *
   * @param title the title
   * @param body the body
   * @param tags its tags
   */
  record ArticleText(String title, String body, List<String> tags) {}

  static final List<ArticleText> ARTICLES = List.of(
      new ArticleText("忘记密码如何重置", "在登录页点击“忘记密码”，通过手机验证码重置密码。验证码 5 分钟内有效。",
          List.of("登录", "密码")),
      new ArticleText("收不到登录验证码怎么办", "请确认手机号正确、未拦截短信；60 秒后可重新获取，仍收不到请改用语音验证码。",
          List.of("登录", "验证码")),
      new ArticleText("退款多久到账", "原路退回：微信支付 1-3 个工作日，银行卡 3-7 个工作日，节假日顺延。",
          List.of("退款", "支付")),
      new ArticleText("付款成功但订单显示待支付怎么办", "支付回调延迟时订单可能仍显示待支付。请等待 10 分钟后刷新；仍未更新请联系客服补单。",
          List.of("支付", "订单")),
      new ArticleText("如何修改收货地址", "订单发货前可在“我的订单”中修改地址；已发货订单请联系快递改派。",
          List.of("地址", "物流")),
      new ArticleText("物流信息长时间不更新怎么办", "节假日期间快递可能延迟 1-3 天；超过 72 小时未更新请提交工单，我们为您催件。",
          List.of("物流", "快递")),
      new ArticleText("App 闪退如何处理", "请升级到最新版本并清除缓存；仍然闪退请提交工单并附上手机型号和系统版本。",
          List.of("App", "闪退")),
      new ArticleText("发票如何开具", "订单完成后在“我的订单-申请发票”中填写抬头和税号，电子发票 1 个工作日内发送到邮箱。",
          List.of("发票")));

  static final List<Kind> KINDS = List.of(
      kind("account/password", 9, new int[] {0, 1, 6, 3}, 0, 0.3,
          "忘记密码无法登录", "忘记密码如何重置", "重置密码后还是提示密码错误"),
      kind("account/verification-code", 6, new int[] {0, 2, 6, 2}, 1, 0.4,
          "收不到登录验证码", "验证码一直收不到", "短信验证码收不到怎么办"),
      kind("payment/refund", 12, new int[] {0, 3, 6, 2}, 2, 1.5,
          "退款多久到账", "申请退款一周了还没到账", "退款到账时间"),
      kind("payment/order-status", 8, new int[] {0, 4, 5, 1}, 3, 1.0,
          "付款成功但订单显示待支付", "已扣款订单却显示未支付", "订单一直待支付"),
      kind("shipping/address", 6, new int[] {0, 2, 6, 2}, 4, 0.5,
          "如何修改收货地址", "下单后想改收货地址", "地址填错了怎么办"),
      kind("shipping/delay", 14, new int[] {0, 2, 7, 1}, 5, 2.0,
          "物流信息不更新", "快递三天没有动静", "包裹一直显示运输中"),
      kind("product/defect", 9, new int[] {0, 3, 5, 2}, -1, 4.0,
          "收到的商品有破损", "耳机左耳没有声音", "充电器无法充电"),
      kind("product/usage", 7, new int[] {0, 0, 4, 6}, -1, 1.0,
          "手表如何绑定手机", "扫地机器人怎么设置定时", "会员积分怎么用"),
      kind("technical/app-crash", 6, new int[] {0, 3, 5, 2}, 6, 3.0,
          "App 打开就闪退", "更新后 App 闪退", "安卓版闪退"),
      kind("technical/outage", 2, new int[] {8, 2, 0, 0}, -1, 2.5,
          "所有订单页面打不开", "支付页面报错 502", "App 首页白屏无法使用"),
      kind("billing/invoice", 5, new int[] {0, 0, 4, 6}, 7, 0.8,
          "发票如何开具", "申请的电子发票没收到", "发票抬头开错了"),
      kind("complaint/service", 3, new int[] {0, 4, 5, 1}, -1, 2.0,
          "客服回复太慢，投诉", "对处理结果不满意，要投诉", "多次联系无人处理"),
      kind("complaint/delivery", 2, new int[] {0, 4, 5, 1}, -1, 2.0,
          "快递员态度差，投诉", "包裹被放在门口丢了，投诉", "承诺次日达却晚了三天"));

  /** The channels and their weights: WeChat, Douyin and the community forum included. */
  static final List<Channel> CHANNELS = List.of(Channel.WECHAT_OFFICIAL_ACCOUNT,
      Channel.WECHAT_CHANNELS, Channel.DOUYIN, Channel.COMMUNITY_FORUM, Channel.ONLINE_CHAT,
      Channel.IN_APP, Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM, Channel.IM);
  static final int[] CHANNEL_WEIGHTS = {20, 6, 10, 7, 18, 12, 10, 9, 6, 2};

  private static final int[] KIND_WEIGHTS =
      KINDS.stream().mapToInt(Kind::weight).toArray();

  static Kind kind(SplittableRandom r) {
    return KINDS.get(Draw.weighted(r, KIND_WEIGHTS));
  }

  static Kind kind(String category) {
    return KINDS.stream().filter(k -> k.category().toString().equals(category)).findFirst()
        .orElseThrow();
  }

  static Channel channel(SplittableRandom r) {
    return CHANNELS.get(Draw.weighted(r, CHANNEL_WEIGHTS));
  }

  /**
   * Returns the contact handle a requester has on a channel.
   *
   * @param channel the channel
   * @param n the requester's number
   * @return the handle
   */
  static ContactHandle handle(Channel channel, int n) {
    if (channel.equals(Channel.WECHAT_OFFICIAL_ACCOUNT) || channel.equals(Channel.WECHAT_CHANNELS)) {
      return ContactHandle.wechatOpenId("o6_sim" + Integer.toString(n, 36) + "x7hMZOPfL2M");
    }
    if (channel.equals(Channel.DOUYIN)) {
      return ContactHandle.douyinId("dy" + (1_000_000 + n));
    }
    if (channel.equals(Channel.PHONE)) {
      return ContactHandle.phone("+86 139 " + String.format("%04d %04d", n / 10_000 % 10_000,
          n % 10_000));
    }
    return ContactHandle.email("customer" + n + "@example.com");
  }

  private static Kind kind(String category, int weight, int[] priorities, int article,
      double workHours, String... subjects) {
    return new Kind(Category.parse(category), weight, priorities, List.of(subjects),
        "客户通过在线渠道反馈：" + subjects[0] + "。请尽快处理。", article, workHours);
  }
}
