package dev.cdrgateway.export;

import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code gateway.export.formula-guard=false} the export prefixes nothing: every cell is what Vobiz sent. */
@QuarkusTest
@TestProfile(FormulaGuardOffTest.GuardOff.class)
@WithTestResource(VobizWireMockResource.class)
class FormulaGuardOffTest extends FormulaGuardCases {

    public static class GuardOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.export.formula-guard", "false");
        }
    }

    @Test
    void withTheGuardOffNoCellIsPrefixed() {
        List<String> names = exportedCallerNames();

        assertTrue(CASES.stream().anyMatch(c -> !c.guarded().equals(c.sent())), "the table has guarded cases");
        assertAll(CASES.stream().map(c -> () -> assertEquals(c.sent(), names.get(CASES.indexOf(c)),
                "cell sent as " + printable(c.sent()))));
    }
}
