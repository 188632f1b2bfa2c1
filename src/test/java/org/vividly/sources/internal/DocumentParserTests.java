package org.vividly.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentParserTests {

  @TempDir Path dir;
  final DocumentParser parser = new DocumentParser();

  @Test
  void markdownHeadingsBecomeSectionsUnderTheDocumentTitle() throws Exception {
    Path file = Files.writeString(dir.resolve("waves.md"), "# Waves\n\nIntro text about waves.\n\n## Frequency\n\nFrequency is cycles per second.\n\n- one\n- two\n\n## Amplitude\n\nAmplitude is the height of a wave.\n");
    ParsedSource source = parser.parse(file, "waves.md", "markdown");
    assertThat(source.title()).isEqualTo("Waves");
    assertThat(source.sections()).extracting(ParsedSection::headingPath).containsExactly(List.of("Waves"), List.of("Waves", "Frequency"), List.of("Waves", "Amplitude"));
    assertThat(source.sections().get(1).blocks()).extracting(Block::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.LIST);
  }

  @Test
  void htmlSkipsNavigationAndScripts() throws Exception {
    Path file = Files.writeString(dir.resolve("page.html"), "<html><head><title>Cells</title><script>var x=1;</script></head><body><nav>Home | About</nav><h2>Membranes</h2><p>The cell membrane controls what enters the cell.</p><table><tr><th>Part</th><th>Job</th></tr><tr><td>Nucleus</td><td>Holds DNA</td></tr></table></body></html>");
    ParsedSource source = parser.parse(file, "page.html", "html");
    assertThat(source.title()).isEqualTo("Cells");
    String all = source.sections().stream().flatMap(s -> s.blocks().stream()).map(Block::text).reduce("", String::concat);
    assertThat(all).contains("cell membrane").contains("Nucleus | Holds DNA").doesNotContain("var x").doesNotContain("Home | About");
  }

  @Test
  void pdfPagesBecomeSections() throws Exception {
    Path file = dir.resolve("notes.pdf");
    try (PDDocument pdf = new PDDocument()) {
      for (String text : List.of("Energy can change form but is never lost.", "Power is the rate of doing work.")) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      pdf.save(file.toFile());
    }
    ParsedSource source = parser.parse(file, "notes.pdf", "pdf");
    assertThat(source.sections()).extracting(ParsedSection::title).containsExactly("Page 1", "Page 2");
    assertThat(source.sections().get(1).blocks().getFirst().text()).contains("Power is the rate of doing work.");
  }

  @Test
  void epubChaptersAreRead() throws Exception {
    Path file = dir.resolve("book.epub");
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      byte[] mimetype = "application/epub+zip".getBytes();
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(mimetype);
      put(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
      put(zip, "content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Tiny Biology</dc:title></metadata><manifest><item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c1\"/></spine></package>");
      put(zip, "c1.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Cells</title></head><body><h1>Cells</h1><p>All living things are made of cells.</p></body></html>");
    }
    ParsedSource source = parser.parse(file, "book.epub", "epub");
    assertThat(source.title()).isEqualTo("Tiny Biology");
    assertThat(source.sections().stream().flatMap(s -> s.blocks().stream()).map(Block::text)).anyMatch(t -> t.contains("All living things are made of cells."));
  }

  @Test
  void aFileWhoseContentIsNotItsFormatIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("fake.pdf"), "just some text");
    assertThatThrownBy(() -> parser.parse(file, "fake.pdf", "pdf")).isInstanceOf(DocumentParser.ParseFailed.class).hasMessageContaining("its content is not PDF");
  }

  @Test
  void plainTextParagraphsAreKept() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "First paragraph about atoms.\n\nSecond paragraph about molecules.\n");
    ParsedSource source = parser.parse(file, "notes.txt", "text");
    assertThat(source.title()).isEqualTo("notes");
    assertThat(source.sections().getFirst().blocks()).hasSize(2);
  }

  private static void put(ZipOutputStream zip, String name, String content) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes());
    zip.closeEntry();
  }
}
