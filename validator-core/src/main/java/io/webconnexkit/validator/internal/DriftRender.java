package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.DriftReport;
import io.webconnexkit.validator.DriftReport.EventDrift;
import io.webconnexkit.validator.DriftReport.First;
import io.webconnexkit.validator.DriftReport.Format;
import io.webconnexkit.validator.DriftReport.Observed;
import io.webconnexkit.validator.DriftReport.TypeMismatch;
import io.webconnexkit.validator.DriftReport.Undocumented;
import io.webconnexkit.validator.DriftReport.UnknownEventType;
import io.webconnexkit.validator.DriftReport.Unseen;
import io.webconnexkit.validator.ReportLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The text, JSON and HTML forms of a {@link DriftReport}, and reading the JSON form back. Not API. */
public final class DriftRender {

  private static final ObjectMapper PLAIN = JsonMapper.builder().build();
  private static final ObjectMapper INDENTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private DriftRender() {}

  // --- JSON ------------------------------------------------------------------------------------

  /** The documented JSON form. */
  public static String json(DriftReport report, boolean indent) {
    ObjectNode root = PLAIN.createObjectNode();
    root.put("payloads", report.payloads());
    ArrayNode events = root.putArray("events");
    for (EventDrift e : report.events()) {
      ObjectNode event = events.addObject();
      event.put("eventType", e.eventType());
      event.put("payloads", e.payloads());
      ArrayNode undocumented = event.putArray("undocumented");
      for (Undocumented u : e.undocumented()) {
        ObjectNode o = undocumented.addObject();
        o.put("pointer", u.pointer());
        o.put("count", u.count());
        o.put("share", u.share());
        first(o, u.first());
        o.put("example", u.example());
      }
      ArrayNode types = event.putArray("typeMismatches");
      for (TypeMismatch t : e.typeMismatches()) {
        ObjectNode o = types.addObject();
        o.put("pointer", t.pointer());
        ArrayNode documented = o.putArray("documented");
        t.documented().forEach(documented::add);
        ObjectNode seen = o.putObject("seen");
        t.seen().forEach(seen::put);
        o.put("count", t.count());
      }
      ArrayNode unseen = event.putArray("unseen");
      for (Unseen u : e.unseen()) {
        unseen.addObject().put("pointer", u.pointer()).put("documentedIn", u.documentedIn());
      }
      ArrayNode formats = event.putArray("formats");
      for (Format f : e.formats()) {
        ObjectNode o = formats.addObject();
        o.put("pointer", f.pointer());
        o.put("kind", f.kind());
        o.put("count", f.count());
        first(o, f.first());
        o.put("example", f.example());
      }
      ArrayNode observed = event.putArray("observed");
      for (Observed o : e.observed()) {
        observed.addObject().put("pointer", o.pointer()).put("count", o.count()).put("share", o.share())
            .put("evidence", o.evidence());
      }
    }
    ArrayNode unknown = root.putArray("unknownEventTypes");
    for (UnknownEventType u : report.unknownEventTypes()) {
      unknown.addObject().put("eventType", u.eventType()).put("count", u.count()).put("resembles", u.resembles());
    }
    root.put("skipped", report.skipped());
    root.put("truncated", report.truncated());
    try {
      return (indent ? INDENTED : PLAIN).writeValueAsString(root) + (indent ? "\n" : "");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a drift report", e);
    }
  }

  private static void first(ObjectNode o, First first) {
    if (first == null) {
      o.putNull("first");
    } else {
      o.putObject("first").put("path", first.path()).put("line", first.line());
    }
  }

  /** Reads the JSON form back; a text that is not one is refused with a clear message. */
  public static DriftReport parse(String json) {
    JsonNode root;
    try {
      root = PLAIN.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + ReportLine.escape(e.getOriginalMessage())
          + " at line " + e.getLocation().getLineNr());
    }
    if (root == null || !root.isObject() || !root.path("payloads").isIntegralNumber() || !root.path("events").isArray()
        || !root.path("unknownEventTypes").isArray()) {
      throw new IllegalArgumentException("not a drift report: expected a JSON object with \"payloads\", \"events\" and"
          + " \"unknownEventTypes\" (the form webconnex drift --format json writes)");
    }
    List<EventDrift> events = new ArrayList<>();
    for (JsonNode e : root.get("events")) {
      String eventType = e.path("eventType").asText();
      List<Undocumented> undocumented = new ArrayList<>();
      e.path("undocumented").forEach(u -> undocumented.add(new Undocumented(u.path("pointer").asText(),
          u.path("count").asLong(), u.path("share").asDouble(), readFirst(u), u.path("example").textValue())));
      List<TypeMismatch> types = new ArrayList<>();
      e.path("typeMismatches").forEach(t -> {
        List<String> documented = new ArrayList<>();
        t.path("documented").forEach(d -> documented.add(d.asText()));
        Map<String, Long> seen = new TreeMap<>();
        t.path("seen").fields().forEachRemaining(s -> seen.put(s.getKey(), s.getValue().asLong()));
        types.add(new TypeMismatch(t.path("pointer").asText(), documented, seen, t.path("count").asLong()));
      });
      List<Unseen> unseen = new ArrayList<>();
      e.path("unseen").forEach(u -> unseen.add(new Unseen(u.path("pointer").asText(), u.path("documentedIn").asText())));
      List<Format> formats = new ArrayList<>();
      e.path("formats").forEach(f -> formats.add(new Format(f.path("pointer").asText(), f.path("kind").asText(),
          f.path("count").asLong(), readFirst(f), f.path("example").textValue())));
      List<Observed> observed = new ArrayList<>();
      e.path("observed").forEach(o -> observed.add(new Observed(o.path("pointer").asText(), o.path("count").asLong(),
          o.path("share").asDouble(), o.path("evidence").asText())));
      events.add(new EventDrift(eventType, e.path("payloads").asLong(), undocumented, types, unseen, formats, observed,
          Map.of()));
    }
    List<UnknownEventType> unknown = new ArrayList<>();
    root.get("unknownEventTypes").forEach(u -> unknown.add(new UnknownEventType(u.path("eventType").asText(),
        u.path("count").asLong(), u.path("resembles").textValue())));
    return new DriftReport(root.get("payloads").asLong(), events, unknown, root.path("skipped").asLong(),
        root.path("truncated").asLong());
  }

  private static First readFirst(JsonNode node) {
    JsonNode first = node.path("first");
    return first.isObject() ? new First(first.path("path").asText(), first.path("line").asInt()) : null;
  }

  // --- text ------------------------------------------------------------------------------------

  /** The text form: a summary line, then one block per event type. */
  public static String text(DriftReport report) {
    StringBuilder out = new StringBuilder();
    out.append("drift: ").append(report.payloads()).append(report.payloads() == 1 ? " payload" : " payloads")
        .append(" in ").append(report.events().size() + report.unknownEventTypes().size()).append(" event types")
        .append(", ").append(count(report, "undocumented")).append(" undocumented fields, ")
        .append(count(report, "types")).append(" type mismatches, ")
        .append(count(report, "formats")).append(" format deviations, ")
        .append(report.unknownEventTypes().size()).append(" unknown event types");
    if (report.skipped() > 0) {
      out.append(", ").append(report.skipped()).append(" records skipped (no payload to compare)");
    }
    if (report.truncated() > 0) {
      out.append(", ").append(report.truncated()).append(" findings left out (over the limit kept in memory)");
    }
    out.append('\n');
    for (EventDrift e : report.events()) {
      out.append('\n').append(esc(e.eventType())).append(": ").append(e.payloads())
          .append(e.payloads() == 1 ? " payload" : " payloads").append('\n');
      for (Undocumented u : e.undocumented()) {
        out.append("  undocumented ").append(esc(u.pointer())).append(": ").append(u.count()).append(" of ")
            .append(e.payloads()).append(" (").append(percent(u.share())).append("), first ").append(where(u.first()))
            .append(", example ").append(u.example() == null ? "withheld (the key looks like a secret, card or token)"
                : esc(u.example())).append('\n');
      }
      for (Observed o : e.observed()) {
        out.append("  observed     ").append(esc(o.pointer())).append(": ").append(o.count()).append(" of ")
            .append(e.payloads()).append(" (").append(percent(o.share())).append("); ").append(esc(o.evidence()))
            .append('\n');
      }
      for (TypeMismatch t : e.typeMismatches()) {
        out.append("  type         ").append(esc(t.pointer())).append(": documented ")
            .append(String.join(" or ", t.documented())).append(", seen");
        t.seen().forEach((type, n) -> out.append(' ').append(type).append(" ").append(n).append('x'));
        out.append('\n');
      }
      for (Format f : e.formats()) {
        out.append("  format       ").append(esc(f.pointer())).append(": ").append(kind(f.kind())).append(", ")
            .append(f.count()).append(f.count() == 1 ? " value" : " values").append(", first ").append(where(f.first()))
            .append(", example ").append(f.example() == null ? "withheld" : esc(f.example())).append('\n');
      }
      for (Unseen u : e.unseen()) {
        out.append("  unseen       ").append(esc(u.pointer())).append(" (").append(esc(u.documentedIn())).append(")\n");
      }
    }
    if (!report.unknownEventTypes().isEmpty()) {
      out.append("\nunknown event types:\n");
      for (UnknownEventType u : report.unknownEventTypes()) {
        out.append("  ").append(esc(u.eventType())).append(": ").append(u.count())
            .append(u.count() == 1 ? " payload" : " payloads")
            .append(u.resembles() == null ? "" : " (resembles " + u.resembles() + ")").append('\n');
      }
    }
    return out.toString();
  }

  private static long count(DriftReport report, String what) {
    long n = 0;
    for (EventDrift e : report.events()) {
      n += switch (what) {
        case "undocumented" -> e.undocumented().size();
        case "types" -> e.typeMismatches().size();
        default -> e.formats().size();
      };
    }
    return n;
  }

  private static String kind(String kind) {
    return switch (kind) {
      case "legacyTimestamp" -> "legacy timestamp form (2015-12-02 16:26:58 +0000) where RFC 3339 is documented";
      case "numericId" -> "id sent as a number where the docs say string";
      default -> esc(kind);
    };
  }

  private static String where(First first) {
    return first == null ? "?" : esc(first.path()) + ":" + first.line();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String esc(String text) {
    return ReportLine.escape(text);
  }

  // --- HTML ------------------------------------------------------------------------------------

  /** One self-contained page: inline style only, no script, nothing fetched. */
  public static String html(DriftReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>Webconnex drift report</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2430;background:#fff}\n")
        .append("h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}\n")
        .append(".summary{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}\n")
        .append(".card{border:1px solid #d5dbe3;border-radius:6px;padding:.6rem 1rem;min-width:8rem}\n")
        .append(".card b{display:block;font-size:1.5rem}\n")
        .append("table{border-collapse:collapse;width:100%;font-size:.9rem}\n")
        .append("th,td{border-bottom:1px solid #e3e7ee;padding:.3rem .5rem;text-align:left;vertical-align:top}\n")
        .append("th{background:#f4f6f9}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}\n")
        .append("td.present{white-space:nowrap}\n")
        .append(".bar{background:#eef1f5;border-radius:3px;width:10rem;height:.8rem;display:inline-block;vertical-align:middle}\n")
        .append(".bar span{display:block;height:100%;border-radius:3px}\n")
        .append(".documented span{background:#3a7bd5}.undocumented span{background:#d9822b}.observed span{background:#2e9e6b}\n")
        .append(".unseen span{background:#b8c0cc}\n")
        .append(".tag{font-size:.75rem;padding:.05rem .4rem;border-radius:3px;color:#fff}\n")
        .append(".t-documented{background:#3a7bd5}.t-undocumented{background:#d9822b}.t-observed{background:#2e9e6b}")
        .append(".t-unseen{background:#8894a5}.t-type{background:#c0392b}.t-format{background:#8e44ad}\n")
        .append("</style>\n</head>\n<body>\n<h1>Webconnex drift report</h1>\n");
    h.append("<p>How recorded traffic differs from Webconnex's documented webhook contract.</p>\n");
    h.append("<div class=\"summary\">")
        .append(card(report.payloads(), "payloads"))
        .append(card(report.events().size(), "documented event types"))
        .append(card(count(report, "undocumented"), "undocumented fields"))
        .append(card(count(report, "types"), "type mismatches"))
        .append(card(count(report, "formats"), "format deviations"))
        .append(card(report.unknownEventTypes().size(), "unknown event types"))
        .append("</div>\n");
    if (report.skipped() > 0 || report.truncated() > 0) {
      h.append("<p>").append(report.skipped()).append(" records skipped (no payload to compare); ")
          .append(report.truncated()).append(" findings left out (over the limit kept in memory).</p>\n");
    }
    for (EventDrift e : report.events()) {
      h.append("<h2>").append(html(e.eventType())).append(" <small>(").append(e.payloads())
          .append(e.payloads() == 1 ? " payload" : " payloads").append(")</small></h2>\n");
      h.append("<table>\n<tr><th>Field</th><th>Kind</th><th>Present</th><th>Details</th></tr>\n");
      for (Undocumented u : e.undocumented()) {
        row(h, u.pointer(), "undocumented", u.count(), e.payloads(), "first " + where(u.first()) + ", example "
            + (u.example() == null ? "withheld (the key looks like a secret, card or token)" : u.example()));
      }
      for (Observed o : e.observed()) {
        row(h, o.pointer(), "observed", o.count(), e.payloads(), o.evidence());
      }
      for (TypeMismatch t : e.typeMismatches()) {
        StringBuilder seen = new StringBuilder();
        t.seen().forEach((type, n) -> seen.append(seen.length() == 0 ? "" : ", ").append(type).append(" ").append(n).append('x'));
        h.append("<tr><td><code>").append(html(t.pointer())).append("</code></td><td><span class=\"tag t-type\">type</span></td>")
            .append("<td>").append(t.count()).append(t.count() == 1 ? " value" : " values").append("</td><td>documented ")
            .append(html(String.join(" or ", t.documented()))).append(", seen ").append(html(seen.toString()))
            .append("</td></tr>\n");
      }
      for (Format f : e.formats()) {
        h.append("<tr><td><code>").append(html(f.pointer())).append("</code></td><td><span class=\"tag t-format\">format</span></td>")
            .append("<td>").append(f.count()).append(f.count() == 1 ? " value" : " values").append("</td><td>").append(html(kind(f.kind()))).append(", first ")
            .append(html(where(f.first()))).append(", example ").append(html(f.example() == null ? "withheld" : f.example()))
            .append("</td></tr>\n");
      }
      java.util.Set<String> unseen = new java.util.HashSet<>();
      e.unseen().forEach(u -> unseen.add(u.pointer()));
      java.util.Set<String> observed = new java.util.HashSet<>();
      e.observed().forEach(o -> observed.add(o.pointer()));
      e.presence().forEach((pointer, count) -> {
        if (!observed.contains(pointer) && (count > 0 || unseen.contains(pointer))) {
          row(h, pointer, count > 0 ? "documented" : "unseen", count, e.payloads(), "");
        }
      });
      if (e.presence().isEmpty()) {
        for (Unseen u : e.unseen()) {
          row(h, u.pointer(), "unseen", 0, e.payloads(), u.documentedIn());
        }
      }
      h.append("</table>\n");
    }
    if (!report.unknownEventTypes().isEmpty()) {
      h.append("<h2>Event types that are not documented</h2>\n<table>\n<tr><th>Event type</th><th>Payloads</th>")
          .append("<th>Resembles</th></tr>\n");
      for (UnknownEventType u : report.unknownEventTypes()) {
        h.append("<tr><td><code>").append(html(u.eventType())).append("</code></td><td>").append(u.count())
            .append("</td><td>").append(u.resembles() == null ? "none" : "<code>" + html(u.resembles()) + "</code>")
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String card(long n, String label) {
    return "<div class=\"card\"><b>" + n + "</b>" + html(label) + "</div>";
  }

  private static void row(StringBuilder h, String pointer, String kind, long count, long payloads, String details) {
    double share = payloads == 0 ? 0 : (double) count / payloads;
    String width = String.format(Locale.ROOT, "%.1f", share * 100);
    h.append("<tr><td><code>").append(html(pointer)).append("</code></td><td><span class=\"tag t-").append(kind)
        .append("\">").append(kind).append("</span></td><td class=\"present\"><span class=\"bar ").append(kind)
        .append("\" title=\"").append(width).append("%\"><span style=\"width:").append(width).append("%\"></span></span> ")
        .append(count).append('/').append(payloads).append("</td><td>").append(html(details)).append("</td></tr>\n");
  }

  /** Escapes text for HTML, after the kit's escaping of control characters. */
  private static String html(String text) {
    String escaped = ReportLine.escape(text == null ? "" : text);
    StringBuilder out = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
