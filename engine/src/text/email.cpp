#include "mlplay/text/email.h"

#include <cctype>
#include <cstdint>
#include <vector>

namespace mlplay::text {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Splits a message at the first empty line: {headers, body}. CRLF and LF both count.
std::pair<std::string_view, std::string_view> split_message(std::string_view message) {
  size_t line = 0;
  while (line < message.size()) {
    size_t end = message.find('\n', line);
    if (end == std::string_view::npos) end = message.size();
    std::string_view content = message.substr(line, end - line);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.empty()) {
      const size_t body = std::min(end + 1, message.size());
      return {message.substr(0, line), message.substr(body)};
    }
    line = end + 1;
  }
  return {message, {}};
}

/// Header lines unfolded (a line starting with space or tab continues the previous one), each as
/// {lower-case name, value}.
std::vector<std::pair<std::string, std::string>> parse_headers(std::string_view headers) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t line = 0;
  while (line < headers.size()) {
    size_t end = headers.find('\n', line);
    if (end == std::string_view::npos) end = headers.size();
    std::string_view content = headers.substr(line, end - line);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    line = end + 1;
    if (content.empty()) continue;
    if ((content[0] == ' ' || content[0] == '\t') && !out.empty()) {
      out.back().second += ' ';
      out.back().second += trim(content);
      continue;
    }
    const size_t colon = content.find(':');
    if (colon == std::string_view::npos) continue;
    out.emplace_back(lower(trim(content.substr(0, colon))), std::string(trim(content.substr(colon + 1))));
  }
  return out;
}

/// What a part's headers say about its body.
struct PartInfo {
  std::string type = "text/plain";  // lower case, no parameters
  std::string boundary;
  std::string encoding;  // lower case: "", "7bit", "quoted-printable", "base64", …
};

/// The value of `name=value` or `name="value"` in a Content-Type header; empty when absent.
std::string parameter(const std::string& header, const std::string& name) {
  const std::string low = lower(header);
  size_t at = 0;
  while ((at = low.find(name, at)) != std::string::npos) {
    const bool starts = at == 0 || low[at - 1] == ';' || std::isspace(static_cast<unsigned char>(low[at - 1]));
    size_t eq = at + name.size();
    while (eq < low.size() && low[eq] == ' ') ++eq;
    if (!starts || eq >= low.size() || low[eq] != '=') {
      at += name.size();
      continue;
    }
    size_t begin = eq + 1;
    while (begin < header.size() && header[begin] == ' ') ++begin;
    if (begin < header.size() && header[begin] == '"') {
      const size_t close = header.find('"', begin + 1);
      return header.substr(begin + 1, (close == std::string::npos ? header.size() : close) - begin - 1);
    }
    size_t end = begin;
    while (end < header.size() && header[end] != ';' && !std::isspace(static_cast<unsigned char>(header[end]))) ++end;
    return header.substr(begin, end - begin);
  }
  return {};
}

PartInfo part_info(std::string_view headers) {
  PartInfo info;
  for (const auto& [name, value] : parse_headers(headers)) {
    if (name == "content-type") {
      const std::string type = lower(trim(std::string_view(value).substr(0, value.find(';'))));
      if (!type.empty()) info.type = type;
      info.boundary = parameter(value, "boundary");
    } else if (name == "content-transfer-encoding") {
      info.encoding = lower(trim(value));
    }
  }
  return info;
}

/// The parts between "--boundary" lines (the preamble before the first and the epilogue after
/// "--boundary--" are left out). A body cut short simply ends its last part early.
std::vector<std::string_view> split_parts(std::string_view body, const std::string& boundary) {
  std::vector<std::string_view> parts;
  const std::string marker = "--" + boundary;
  size_t start = std::string_view::npos;  // start of the current part's content
  size_t line = 0;
  while (line <= body.size()) {
    size_t end = body.find('\n', line);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view content = body.substr(line, end - line);
    if (content.substr(0, marker.size()) == marker) {
      if (start != std::string_view::npos) parts.push_back(body.substr(start, line - start));
      if (content.substr(marker.size(), 2) == "--") return parts;
      start = std::min(end + 1, body.size());
    }
    if (end == body.size()) break;
    line = end + 1;
  }
  if (start != std::string_view::npos && start < body.size()) parts.push_back(body.substr(start));
  return parts;
}

void append(std::string& out, const std::string& piece) {
  if (piece.empty()) return;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += piece;
}

std::string part_text(std::string_view part, int depth) {
  const auto [headers, body] = split_message(part);
  const PartInfo info = part_info(headers);
  if (info.type.rfind("multipart/", 0) == 0) {
    if (info.boundary.empty() || depth >= 8) return {};
    std::string out;
    for (const auto inner : split_parts(body, info.boundary)) append(out, part_text(inner, depth + 1));
    return out;
  }
  if (info.type == "message/rfc822") return depth >= 8 ? std::string() : part_text(body, depth + 1);
  if (info.type.rfind("text/", 0) != 0) return {};  // images, archives, …: no words to read
  std::string decoded = info.encoding == "quoted-printable" ? decode_quoted_printable(body)
                        : info.encoding == "base64"         ? decode_base64(body)
                                                            : std::string(body);
  return info.type == "text/html" ? html_to_text(decoded) : decoded;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

/// Decodes the character reference starting at html[at] == '&'; returns the characters consumed
/// (0 when it is not one we know, and the '&' is kept as it is).
size_t character_reference(std::string_view html, size_t at, std::string& out) {
  const size_t semicolon = html.find(';', at);
  if (semicolon == std::string_view::npos || semicolon - at > 10) return 0;
  const std::string name = lower(html.substr(at + 1, semicolon - at - 1));
  if (name.size() >= 2 && name[0] == '#') {
    uint32_t code = 0;
    const bool hex = name[1] == 'x';
    for (size_t i = hex ? 2 : 1; i < name.size(); ++i) {
      const int d = hex ? hex_value(name[i]) : (std::isdigit(static_cast<unsigned char>(name[i])) ? name[i] - '0' : -1);
      if (d < 0 || code > 0x10FFFF) return 0;
      code = code * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    append_utf8(out, code);
    return semicolon - at + 1;
  }
  static const std::pair<const char*, const char*> named[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}, {"copy", "\xC2\xA9"},
      {"reg", "\xC2\xAE"}, {"trade", "\xE2\x84\xA2"}, {"pound", "\xC2\xA3"}, {"euro", "\xE2\x82\xAC"}};
  for (const auto& [key, value] : named) {
    if (name == key) {
      out += value;
      return semicolon - at + 1;
    }
  }
  return 0;
}

bool is_block_tag(const std::string& tag) {
  static const char* blocks[] = {"br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "ul", "ol", "title"};
  for (const char* block : blocks) {
    if (tag == block) return true;
  }
  return false;
}

}  // namespace

std::string email_text(std::string_view message) { return part_text(message, 0); }

std::string strip_headers(std::string_view message, size_t max_body_bytes) {
  const auto [headers, body] = split_message(message);
  std::string out;
  for (const auto& [name, value] : parse_headers(headers)) {
    if (name == "content-type") out += "Content-Type: " + value + "\n";
    if (name == "content-transfer-encoding") out += "Content-Transfer-Encoding: " + value + "\n";
  }
  out += '\n';
  out += body.substr(0, max_body_bytes);
  return out;
}

std::string decode_quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
      continue;
    }
    // soft line break: '=' then optional spaces then (CR)LF
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    if (j < text.size() && (text[j] == '\n' || text[j] == '\r')) {
      if (text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n') ++j;
      i = j;
      continue;
    }
    if (j == text.size()) break;
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high >= 0 && low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += '=';
    }
  }
  return out;
}

std::string decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else if (c == '=') break;
    else continue;
    bits = (bits << 6) | static_cast<uint32_t>(v);
    if (++count == 4) {
      out += static_cast<char>((bits >> 16) & 0xFF);
      out += static_cast<char>((bits >> 8) & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 2) out += static_cast<char>((bits >> 4) & 0xFF);
  if (count == 3) {
    out += static_cast<char>((bits >> 10) & 0xFF);
    out += static_cast<char>((bits >> 2) & 0xFF);
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      const size_t used = character_reference(html, i, out);
      if (used == 0) out += '&';
      i += used == 0 ? 1 : used;
      continue;
    }
    if (c != '<') {
      out += c;
      ++i;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {  // comment: spammers hide word salad in them
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      out += ' ';
      continue;
    }
    const size_t close = html.find('>', i + 1);
    if (close == std::string_view::npos) break;  // a tag cut off at the end
    size_t name_begin = i + 1;
    if (name_begin < close && html[name_begin] == '/') ++name_begin;
    size_t name_end = name_begin;
    while (name_end < close && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    const std::string tag = lower(html.substr(name_begin, name_end - name_begin));
    i = close + 1;
    if ((tag == "script" || tag == "style") && html[i - 1] == '>' && html[name_begin - 1] != '/') {
      const std::string low = lower(html.substr(i));
      const size_t end = low.find("</" + tag);
      i = end == std::string::npos ? html.size() : i + end;
      continue;
    }
    out += is_block_tag(tag) ? '\n' : ' ';
  }
  return out;
}

}  // namespace mlplay::text
