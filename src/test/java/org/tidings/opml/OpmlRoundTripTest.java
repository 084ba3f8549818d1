package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.opml.Fixtures.bytes;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Import → export → import loses nothing: for the shape each reader writes, the second import
 * has exactly the subscriptions (URL, title, site URL, folder, tags) and folders of the first,
 * with no new warnings, and exporting again gives the same bytes.
 */
class OpmlRoundTripTest {
    private static final Instant EXPORTED = Instant.parse("2026-11-27T09:30:00Z");

    private final OpmlReader reader = new OpmlReader();
    private final OpmlWriter writer = new OpmlWriter();

    @ParameterizedTest
    @ValueSource(strings = {
        "newsboat-export.opml",
        "newsboat-export-opml2.opml",
        "miniflux-export.opml",
        "freshrss-export.opml",
        "tinytinyrss-export.opml",
        "feedly-export.opml",
        "inoreader-export.opml"
    })
    void importExportImportIsLossless(String fixture) throws Exception {
        OpmlDocument first = reader.read(bytes(fixture));

        assertLossless(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"newsboat-urls"})
    void newsboatUrlsSurviveExportToOpml(String fixture) throws Exception {
        OpmlDocument first = new NewsboatUrlsReader().read(bytes(fixture));

        assertLossless(first);
    }

    private void assertLossless(OpmlDocument first) throws OpmlException {
        assertThat(first.subscriptions()).isNotEmpty();
        byte[] exported = writer.toBytes(export(first));

        OpmlDocument second = reader.read(exported);

        assertThat(second.subscriptions()).containsExactlyInAnyOrderElementsOf(first.subscriptions());
        assertThat(second.folders()).containsExactlyInAnyOrderElementsOf(first.folders());
        assertThat(second.warnings()).isEmpty();
        assertThat(second.title()).isEqualTo(first.title() == null ? OpmlWriter.DEFAULT_TITLE : first.title());
        assertThat(second.dateCreated()).isEqualTo(EXPORTED);
        assertThat(writer.toBytes(export(second))).isEqualTo(exported);
    }

    private static OpmlDocument export(OpmlDocument document) {
        return OpmlDocument.forExport(document.title(), EXPORTED, document.subscriptions(), document.folders());
    }
}
