package io.siteroll.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.siteroll.enterprise.CreditCode;
import io.siteroll.personnel.BankCardNumber;
import io.siteroll.personnel.IdNumber;

/**
 * Synthetic but well-formed identities: ID numbers with a correct GB 11643 check digit, Luhn-valid
 * wage cards, GB 32100 credit codes, and common Chinese names. None belongs to a real person on
 * purpose; collisions with real numbers are possible only by chance, as for any valid number.
 */
public final class SyntheticIdentities {

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

	private static final String ETHNICITIES = "汉汉汉汉汉汉汉汉汉朝满蒙回";

	private static final List<String> JILIN_COUNTIES = List.of("220102", "220103", "220104", "220105", "220106", "220112",
			"220113", "220122", "220182", "220183", "220202", "220203", "220204", "220211", "220221", "220281", "220282",
			"220283", "220284", "220302", "220303", "220322", "220323", "220382", "220402", "220403", "220421", "220422",
			"220502", "220503", "220521", "220523", "220524", "220581", "220582", "220602", "220605", "220621", "220622",
			"220623", "220681", "220702", "220721", "220722", "220723", "220781", "220802", "220821", "220822", "220881",
			"220882", "222401", "222402", "222403", "222404", "222405", "222406", "222424", "222426", "230102", "210102",
			"410102", "370102", "130102");

	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private final Random random;

	private final Set<String> issued = new HashSet<>();

	public SyntheticIdentities(long seed) {
		this.random = new Random(seed);
	}

	public String name() {
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int given = random.nextInt(10) < 7 ? 2 : 1;
		for (int i = 0; i < given; i++) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	public String ethnicity() {
		return String.valueOf(ETHNICITIES.charAt(random.nextInt(ETHNICITIES.length())));
	}

	/** A fresh ID number of someone born between the given years (inclusive). */
	public String idNumber(int fromYear, int toYear) {
		while (true) {
			String area = JILIN_COUNTIES.get(random.nextInt(JILIN_COUNTIES.size()));
			LocalDate birth = LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1 + random.nextInt(12), 1)
				.plusDays(random.nextInt(28));
			String first17 = area + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
			String id = first17 + IdNumber.checkCharacter(first17);
			if (issued.add(id)) {
				return id;
			}
		}
	}

	public String phone() {
		String[] prefixes = { "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "155", "158", "186", "188", "199" };
		return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
	}

	/** An 18-digit Luhn-valid personal card number starting with 62 (UnionPay). */
	public String bankCard() {
		StringBuilder card = new StringBuilder("62");
		while (card.length() < 17) {
			card.append(random.nextInt(10));
		}
		for (int d = 0; d < 10; d++) {
			if (BankCardNumber.luhn(card.toString() + d)) {
				return card.append(d).toString();
			}
		}
		throw new IllegalStateException("unreachable: one check digit always fits");
	}

	/** A unified social credit code (GB 32100) for an enterprise registered in {@code region}. */
	public String creditCode(String region) {
		while (true) {
			StringBuilder org = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				org.append(ORG_ALPHABET.charAt(random.nextInt(10 + (i == 0 ? 0 : 21))));
			}
			int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				char c = org.charAt(i);
				sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
			}
			int check = 11 - sum % 11;
			org.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
			String first17 = "91" + region + org;
			if (first17.chars().allMatch(ch -> CREDIT_ALPHABET.indexOf(ch) >= 0)) {
				String code = first17 + CreditCode.checkCharacter(first17);
				if (issued.add(code)) {
					return code;
				}
			}
		}
	}

	public int nextInt(int bound) {
		return random.nextInt(bound);
	}

	public <T> T pick(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}
}
