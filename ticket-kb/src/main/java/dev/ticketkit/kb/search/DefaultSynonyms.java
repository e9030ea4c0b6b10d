package dev.ticketkit.kb.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in synonym groups: general help-desk vocabulary per language (accounts, payment,
 * orders, delivery, returns, invoices, apps, merchants, subscriptions), written from the support
 * domain, not from any test query. Constants only; thread-safe.
 */
final class DefaultSynonyms {

  private static final String[][] ZH = {
      {"登录", "登陆", "登入"},
      {"账号", "账户", "帐号", "帐户"},
      {"密码", "口令"},
      {"支付", "付款", "付钱", "付费"},
      {"扣款", "扣钱", "扣费"},
      {"退款", "退钱"},
      {"换货", "调换"},
      {"闪退", "崩溃", "当机"},
      {"卡顿", "卡住", "卡死", "很卡"},
      {"缓存", "快取"},
      {"物流", "快递", "配送"},
      {"包裹", "快件"},
      {"订单", "单子"},
      {"验证码", "校验码", "动态码"},
      {"短信", "简讯"},
      {"手机号", "手机号码", "门号"},
      {"注销", "销户"},
      {"客服", "人工客服"},
      {"优惠券", "折价券", "代金券", "优惠码"},
      {"积分", "点数"},
      {"提现", "提领"},
      {"发货", "出货"},
      {"运费", "邮费"},
      {"保修", "保固"},
      {"软件", "软体"},
      {"信息", "讯息", "资讯"},
      {"视频", "影片"},
      {"网络", "网路"},
      {"设置", "设定"},
      {"冻结", "封号"},
      {"保证金", "押金"},
      {"佣金", "抽成", "扣点"},
      {"二维码", "条码"},
  };

  private static final String[][] EN = {
      {"login", "log in", "sign in", "signin", "logon"},
      {"password", "passcode"},
      {"payment", "pay"},
      {"refund", "money back", "reimbursement"},
      {"return", "send back"},
      {"crash", "force close"},
      {"cache", "temporary files"},
      {"shipping", "delivery", "dispatch"},
      {"parcel", "package", "shipment"},
      {"order", "purchase"},
      {"two-factor", "2fa", "two-step", "mfa", "multi-factor"},
      {"invoice", "receipt", "bill"},
      {"subscription", "plan"},
      {"promo code", "discount code", "coupon", "voucher"},
      {"unsubscribe", "cancel subscription"},
      {"email", "e-mail"},
      {"delete", "remove", "erase"},
      {"colleague", "teammate", "team member", "coworker"},
      {"damaged", "broken"},
      {"personal data", "personal information"},
      {"phone number", "mobile number"},
      {"verification code", "one-time code", "otp", "security code"},
      {"seller", "merchant", "vendor"},
      {"payout", "withdrawal"},
      {"api key", "access token"},
  };

  static final Synonyms ALL = build();

  private DefaultSynonyms() {}

  private static Synonyms build() {
    List<Synonyms.Group> groups = new ArrayList<>();
    for (String[] g : ZH) {
      groups.add(new Synonyms.Group("zh", List.of(g)));
    }
    for (String[] g : EN) {
      groups.add(new Synonyms.Group("en", List.of(g)));
    }
    return new Synonyms(groups);
  }
}
