#pragma once
/// From a raw e-mail (RFC 822 headers, a blank line, the body; RFC 2045/2046 MIME) to the text a
/// reader sees: headers dropped, multipart bodies walked, quoted-printable and base64 decoded, HTML
/// turned into text. Attachments (images, archives, anything not text/* or message/rfc822) are
/// dropped. Used by the spam-filter lesson on the SpamAssassin corpus; bytes stay bytes (no charset
/// conversion: the tokenizer reads ASCII letters and digits only).
#include <cstddef>
#include <string>
#include <string_view>

namespace mlplay::text {

/// The readable text of a whole message (headers and body). A message without a blank line after
/// its headers has an empty body. Never throws on malformed input: what cannot be decoded is dropped.
std::string email_text(std::string_view message);

/// The message with every header removed except Content-Type and Content-Transfer-Encoding (which
/// the body needs to be decoded), and the body cut to its first `max_body_bytes`. This is what the
/// browser receives (no addresses, names or dates from the headers); the CLI applies the same cut so
/// both train on the same text. NOTE: web/build/data-assets.ts (spamCorpus) does the same in TypeScript.
std::string strip_headers(std::string_view message, size_t max_body_bytes);

/// The body cut used by the lesson and the CLI: 8,000 bytes keeps every word of 91% of the messages
/// and the first screens of long HTML ones, and keeps the browser's corpus file at about 4 MB.
inline constexpr size_t kSpamBodyBytes = 8000;

/// Quoted-printable (RFC 2045 6.7): "=41" is 'A', "=" at a line end joins lines; a stray '=' is kept.
std::string decode_quoted_printable(std::string_view text);

/// Base64 (RFC 4648), ignoring line breaks and other characters outside the alphabet; stops at '='.
std::string decode_base64(std::string_view text);

/// HTML to text: tags become spaces (block tags line breaks), <script>, <style> and comments are
/// dropped, and character references (&amp; &nbsp; &#36; &#x24;) are decoded (UTF-8 for non-ASCII).
std::string html_to_text(std::string_view html);

}  // namespace mlplay::text
