package dev.cdrgateway.export;

import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CSV export's formula guard (on by default), table-driven: every text cell a spreadsheet would run as a
 * formula (first character {@code = + - @}, TAB or CR, and not a plain number) gets a leading {@code '}; anything
 * else is exported as Vobiz sent it.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class FormulaGuardTest extends FormulaGuardCases {

    @Test
    void cellsASpreadsheetWouldRunAreDefusedAndNothingElseIsTouched() {
        List<String> names = exportedCallerNames();

        assertAll(CASES.stream().map(c -> () -> assertEquals(c.guarded(), names.get(CASES.indexOf(c)),
                "cell sent as " + printable(c.sent()))));
    }
}
