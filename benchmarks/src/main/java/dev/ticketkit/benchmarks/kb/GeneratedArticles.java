package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic synthetic knowledge-base articles for the benchmarks: half Chinese, half English.
 * Each article has a topic of four words from the support vocabulary (login, payment, refund,
 * delivery...; about 80 words per language, so each word is the topic of ~5% of the articles of
 * its language) and a body of Zipf-distributed background words. Not thread-safe.
 */
final class GeneratedArticles {

  static final TenantId TENANT = TenantId.of("bench");
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private static final String[] ZH = ("登录 失败 密码 重置 找回 支付 付款 银行卡 微信 支付宝 订单 状态 查询 物流 快递 延迟 "
      + "退款 到账 退货 换货 尺码 权限 管理员 角色 绑定 手机号 账号 闪退 崩溃 缓存 浏览器 验证码 短信 发票 "
      + "地址 取消 锁定 注销 优惠券 扣款 通知 推送 加载 网络 上传 附件 导出 报表 成员 邀请 包裹 破损 会员 "
      + "续费 设置 页面 客服 联系 提示 检查 重新 系统 应用 版本 升级 更新 安全 申请 审核 工作日 处理").split(" ");
  private static final String[] EN = ("login sign password reset forgot payment card declined checkout order "
      + "status tracking shipping delivery delay courier refund return exchange size permission role admin "
      + "account link google apple crash app cache cookies browser verification code sms invoice receipt "
      + "address cancel locked delete promo coupon charged twice notifications push upload attachment export "
      + "report invite team package lost damaged subscription settings page support contact error check "
      + "again system version update security request review business days processing").split(" ");
  private static final String[] FILLER_ZH = "的 了 和 在 请 您 我们 可以 需要 如果 然后 已经 一般 时候".split(" ");
  private static final String[] FILLER_EN = "the a to you your we can need if then when please will".split(" ");

  private static final int BACKGROUND = 20_000;
  private static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
      + "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机"
      + "当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利"
      + "比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
      + "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处"
      + "队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
  private static final String[] SYLLABLES = ("ka ri mo ne ta lo vi su pe do ba ge fi ho ju ly na or "
      + "ex an th st pr ch tr bl cr fl gr pl sl sp qu wh").split(" ");

  private final SplittableRandom random;
  private final String[] backgroundZh = new String[BACKGROUND];
  private final String[] backgroundEn = new String[BACKGROUND];
  private final double[] zipf = new double[BACKGROUND];
  private long sequence;

  GeneratedArticles(long seed) {
    this.random = new SplittableRandom(seed);
    double total = 0;
    for (int i = 0; i < BACKGROUND; i++) {
      backgroundZh[i] = "" + HAN.charAt(random.nextInt(HAN.length()))
          + HAN.charAt(random.nextInt(HAN.length()));
      backgroundEn[i] = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
      total += 1.0 / (i + 1);
      zipf[i] = total;
    }
    for (int i = 0; i < BACKGROUND; i++) {
      zipf[i] /= total;
    }
  }

  /**
   * Returns the next article: a topic of four support words used in the title, the tags and a
   * few times in the body, and 40 to 100 background words drawn from a Zipf distribution over a
   * 20,000-word vocabulary, as real articles mix a topic with ordinary language.
   */
  Article next() {
    boolean zh = random.nextBoolean();
    String[] topic = new String[4];
    for (int i = 0; i < topic.length; i++) {
      topic[i] = pick(zh ? ZH : EN);
    }
    String sep = zh ? "" : " ";
    String title = String.join(sep, topic[0], topic[1], topic[2]);
    String body = body(zh, topic, 40 + random.nextInt(60));
    List<String> tags = List.of(topic[0], topic[3]);
    ArticleContent content = new ArticleContent(title, body, tags, CategoryPath.of("Bench"),
        new ArticleDetails.Faq());
    long n = sequence++;
    ArticleStatus status = n % 10 == 0 ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
    Audience audience = n % 7 == 0 ? Audience.INTERNAL : Audience.PUBLIC;
    return new Article(ArticleId.of(new UUID(0x6b62L, n)), TENANT, content,
        zh ? Locale.CHINA : Locale.ENGLISH, audience, "owner", status, null, 1, 1, T0, T0);
  }

  List<Article> next(int count) {
    List<Article> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }

  private String body(boolean zh, String[] topic, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(10);
      String word = roll == 0 ? topic[random.nextInt(topic.length)]
          : roll == 1 ? pick(zh ? FILLER_ZH : FILLER_EN) : background(zh);
      text.append(word).append(zh ? (random.nextInt(8) == 0 ? "，" : "") : " ");
    }
    return text.toString().strip();
  }

  private String background(boolean zh) {
    int at = java.util.Arrays.binarySearch(zipf, random.nextDouble());
    int index = Math.min(BACKGROUND - 1, at >= 0 ? at : -at - 1);
    return zh ? backgroundZh[index] : backgroundEn[index];
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }
}
