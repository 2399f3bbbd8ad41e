package org.edm.web.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest(name = "{0} -> title \"{1}\", version \"{2}\"")
    @CsvSource(delimiter = '|', emptyValue = "",
            value = { "Nasdaq.BxEquities.Orders.Ouch.v4.2.pdf | Nasdaq.BxEquities.Orders.Ouch | 4.2",
                    "Mold.Udp64.v1.0.pdf                    | Mold.Udp64                    | 1.0",
                    "itch_v5_0.PDF                          | itch                          | 5.0",
                    "SoupBinTCP version 3.0.pdf             | SoupBinTCP                    | 3.0",
                    "Ouch-V5.pdf                            | Ouch                          | 5",
                    "FIX Spec 4.4.pdf                       | FIX Spec                      | 4.4",
                    "OUCH_2.0.1.pdf                         | OUCH                          | 2.0.1",
                    "rfc793.pdf                             | rfc793                        | ''",
                    "some/dir\\Orders.Ouch.v4.2b.pdf        | Orders.Ouch                   | 4.2b",
                    "Spec without version                   | Spec without version          | ''", })
    void titleAndVersionAreGuessedFromTheFileName(String fileName, String title, String version) {
        FileNames.Guess guess = FileNames.guess(fileName);

        assertThat(guess.title()).isEqualTo(title);
        assertThat(guess.version()).isEqualTo(version);
    }

}
