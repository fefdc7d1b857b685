#include <catch2/catch.hpp>
#include <string>

#include "mlplay/text/email.h"

using namespace mlplay::text;

TEST_CASE("email_text drops the headers and keeps a plain body", "[text]") {
  const std::string message =
      "From: someone@example.com\r\nSubject: Lunch\r\nTo: you@example.com\r\n\r\nCan we meet on Thursday?\r\nBye\r\n";
  const std::string text = email_text(message);
  REQUIRE(text == "Can we meet on Thursday?\r\nBye\r\n");
  REQUIRE(text.find("example.com") == std::string::npos);
  REQUIRE(email_text("Subject: no body at all\n").empty());
}

TEST_CASE("email_text decodes quoted-printable HTML into text", "[text]") {
  const std::string message =
      "Content-Type: text/html;\n charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\n"
      "<HTML><BODY><p>FREE =\nMONEY &amp; prizes=21</p><!-- hidden salad --><script>var x=1;</script>"
      "<style>p{}</style>Price: &#36;10&nbsp;only</BODY></HTML>";
  const std::string text = email_text(message);
  REQUIRE_THAT(text, Catch::Contains("FREE MONEY & prizes!"));
  REQUIRE_THAT(text, Catch::Contains("Price: $10 only"));
  REQUIRE(text.find("salad") == std::string::npos);
  REQUIRE(text.find("var x") == std::string::npos);
  REQUIRE(text.find("p{}") == std::string::npos);
  REQUIRE(text.find('<') == std::string::npos);
}

TEST_CASE("email_text walks multipart bodies, decodes base64 text and drops attachments", "[text]") {
  const std::string message =
      "Content-Type: multipart/mixed; boundary=\"XYZ\"\n\n"
      "This is a MIME preamble nobody reads.\n"
      "--XYZ\nContent-Type: text/plain\n\nhello plain part\n"
      "--XYZ\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\naGVsbG8gYmFzZTY0\n"
      "--XYZ\nContent-Type: image/gif\nContent-Transfer-Encoding: base64\n\nR0lGODlhAQABAAAAACw=\n"
      "--XYZ\nContent-Type: multipart/alternative; boundary=inner\n\n"
      "--inner\nContent-Type: text/html\n\n<b>nested html</b>\n--inner--\n"
      "--XYZ--\nepilogue\n";
  const std::string text = email_text(message);
  REQUIRE_THAT(text, Catch::Contains("hello plain part"));
  REQUIRE_THAT(text, Catch::Contains("hello base64"));
  REQUIRE_THAT(text, Catch::Contains("nested html"));
  REQUIRE(text.find("GIF") == std::string::npos);
  REQUIRE(text.find("preamble") == std::string::npos);
  REQUIRE(text.find("epilogue") == std::string::npos);
}

TEST_CASE("email_text copes with a multipart body cut short", "[text]") {
  const std::string message = "Content-Type: multipart/alternative; boundary=b1\n\n--b1\nContent-Type: text/plain\n\nfirst part is cut sh";
  REQUIRE_THAT(email_text(message), Catch::Contains("first part is cut sh"));
  REQUIRE(email_text("Content-Type: multipart/mixed\n\nno boundary given").empty());
}

TEST_CASE("strip_headers keeps only the two MIME headers and cuts the body", "[text]") {
  const std::string message =
      "From: a@b.com\nTo: c@d.org\nContent-Type: text/plain;\n\tcharset=us-ascii\nContent-Transfer-Encoding: 7bit\nSubject: hi\n\n0123456789";
  REQUIRE(strip_headers(message, 4) == "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\n0123");
  REQUIRE(strip_headers("Subject: x\n\nbody", 100) == "\nbody");
  // what strip_headers keeps reads the same as the whole message
  REQUIRE(email_text(strip_headers(message, 100)) == email_text(message));
}

TEST_CASE("decode_quoted_printable and decode_base64 follow RFC 2045 and RFC 4648", "[text]") {
  REQUIRE(decode_quoted_printable("caf=E9 =3D equal=\r\nsign = stays") == "caf\xE9 = equalsign = stays");
  REQUIRE(decode_quoted_printable("trailing=") == "trailing");
  REQUIRE(decode_base64("TWFu") == "Man");
  REQUIRE(decode_base64("TWE=") == "Ma");
  REQUIRE(decode_base64("TQ==") == "M");
  REQUIRE(decode_base64("SGVs\nbG8=") == "Hello");
}

TEST_CASE("html_to_text decodes character references and breaks lines at block tags", "[text]") {
  REQUIRE(html_to_text("a<br>b") == "a\nb");
  REQUIRE(html_to_text("x &lt;y&gt; &quot;z&quot; &#x41;&#66; &eacute;") == "x <y> \"z\" AB &eacute;");
  REQUIRE(html_to_text("&#233;") == "\xC3\xA9");
  REQUIRE(html_to_text("<a href=\"http://x\">link</a> AT&T") == " link  AT&T");
  REQUIRE(html_to_text("cut <a hre") == "cut ");
}
