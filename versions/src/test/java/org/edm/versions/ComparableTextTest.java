package org.edm.versions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ComparableText#mask}: each kind of date, version string and reference is masked
 * however it is spelled, cased or spaced, and text that only looks like one is kept. Each
 * pattern runs only when a plain search finds what it needs, so these cases sit at the
 * edges of those searches.
 */
class ComparableTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Published 2024-03-01 by the exchange        | Published <date> by the exchange
            valid from 01.03.2024                       | valid from <date>
            valid from 1/3/24                           | valid from <date>
            Issued 1st March, 2024                      | Issued <date>
            Issued 1 MAR 2024                           | Issued <date>
            issued march 1, 2024                        | issued <date>
            Updated Sept.\t2023 for the new fields      | Updated <date> for the new fields
            Interface v13.1 changes                     | Interface <version> changes
            VERSION 2.0.3                               | <version>
            Rev. 7 of the message set                   | <version> of the message set
            revision\t12 applies                        | <version> applies
            Release 13.1.a                              | <version>
            see Section 4.2.1 for details               | see Section # for details
            as TABLE 12 shows                           | as TABLE # shows
            see appendix B and figure 3                 | see appendix # and figure #
            Price (8) Market Mar 2 value 5              | Price (8) Market Mar 2 value 5
            Reserved for version use: 4 bytes           | Reserved for version use: 4 bytes
            Offset 1024 Length 8 Type Alpha             | Offset 1024 Length 8 Type Alpha
            December 31 is the 365th day                | December 31 is the 365th day
            """)
    void masksDatesVersionsAndReferencesHoweverTheyAreWrittenAndKeepLookalikes(String line, String masked) {
        assertThat(ComparableText.mask(line)).isEqualTo(masked);
    }

}
