package io.siteroll.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text a page says comes from the message bundles, so that a page follows its reader's language as the API's
 * errors do: no Chinese text in a template that Thymeleaf would send as it stands. Chinese may stand only as the
 * natural template's default content of an element whose content Thymeleaf replaces (th:text, th:utext, th:remove all/body,
 * th:replace and th:insert of another template's fragment), in an attribute that a th: attribute of the same name replaces, and in comments, scripts
 * and styles. String literals inside th: expressions must not be Chinese either.
 */
class TemplatesSpeakFromTheBundlesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** The sign-in page is shown before anyone has signed in and says each thing in both languages at once. */
	static final Set<String> BILINGUAL_BY_DESIGN = Set.of("identity/login.html");

	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	/** The th:remove values that drop the element's content; "tag" and "none" keep it, so it is sent. */
	static final Set<String> REMOVING_CONTENT = Set.of("all", "body");

	static final Set<String> SPOKEN_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "value", "label");

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

	@Test
	void noTemplateSaysAnythingInChineseThatIsNotFromTheBundles() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
				if (!BILINGUAL_BY_DESIGN.contains(name)) {
					found.addAll(literals(name, Files.readString(file, StandardCharsets.UTF_8)));
				}
			}
		}
		assertThat(found).as("Chinese that does not come from the message bundles").isEmpty();
	}

	@Test
	void theCheckFindsEachKindOfLiteralAndLetsDefaultContentStand() {
		String template = """
				<html th:replace="~{layout :: page('考勤表', ~{::section})}"><section>
				  <h1 class="h4">退场登记 <small th:text="${project.name}">项目</small></h1>
				  <p th:text="#{exit.back}">返回工人名册</p>
				  <td th:text="${w.active} ? #{worker.on-site} : '已退场'">在场</td>
				  <input placeholder="搜索" th:placeholder="#{search.placeholder}">
				  <a aria-label="退场">x</a>
				  <div th:remove="all">原型内容</div>
				  <div th:remove="tag">保留的内容</div>
				  <div th:replace="~{fragments/form :: error(${errors}, 'exitDate')}">退场日期：必填</div>
				  <!-- 注释 -->
				</section></html>
				""";
		assertThat(literals("example.html", template)).containsExactlyInAnyOrder(
				"example.html: th:replace literal '考勤表'", "example.html: text '退场登记'",
				"example.html: th:text literal '已退场'", "example.html: aria-label '退场'",
				"example.html: text '保留的内容'");
	}

	static List<String> literals(String name, String html) {
		Document doc = Jsoup.parse(html, "", Parser.xmlParser());
		List<String> found = new ArrayList<>();
		for (Element element : doc.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String key = attribute.getKey();
				String value = attribute.getValue();
				if (key.startsWith("th:")) {
					Matcher literal = STRING_LITERAL.matcher(value);
					while (literal.find()) {
						if (HAN.matcher(literal.group(1)).find()) {
							found.add(name + ": " + key + " literal '" + literal.group(1) + "'");
						}
					}
				}
				else if (SPOKEN_ATTRIBUTES.contains(key) && HAN.matcher(value).find() && !replaced(element, key)) {
					found.add(name + ": " + key + " '" + value + "'");
				}
			}
			for (TextNode text : element.textNodes()) {
				if (HAN.matcher(text.text()).find() && !inReplacedContent(element)) {
					found.add(name + ": text '" + text.text().strip() + "'");
				}
			}
		}
		return found;
	}

	private static boolean replaced(Element element, String attribute) {
		return element.hasAttr("th:" + attribute) || element.attr("th:attr").matches("(?s).*\\b" + attribute + "\\s*=.*");
	}

	/**
	 * Whether Thymeleaf replaces the content the element stands in. A page's root hands its own section to the layout
	 * ({@code th:replace="~{layout :: page(..., ~{::section})}"}): that content is sent, so it does not count.
	 */
	private static boolean inReplacedContent(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			for (String attribute : REPLACING) {
				if (e.hasAttr(attribute) && !e.attr(attribute).contains("~{::")) {
					return true;
				}
			}
			if (REMOVING_CONTENT.contains(e.attr("th:remove").strip())) {
				return true;
			}
		}
		return false;
	}
}
