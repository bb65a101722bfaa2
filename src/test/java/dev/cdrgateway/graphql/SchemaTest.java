package dev.cdrgateway.graphql;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code schema.graphql} at the repository root is the exact schema the server serves. Regenerate it with
 * {@code ./mvnw verify -Dupdate-schema=true} (see README) and commit it with the change.
 */
@QuarkusTest
class SchemaTest {

    private static final Path CHECKED_IN = Path.of("schema.graphql");

    @Test
    void servedSchemaEqualsTheCheckedInFile() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("update-schema")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        assertEquals(checkedIn, served, "schema.graphql is out of date: run ./mvnw verify -Dupdate-schema=true "
                + "and commit the file");
    }
}
