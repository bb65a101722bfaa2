package dev.cdrgateway.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CSV export settings ({@code gateway.export.*}). */
@ConfigMapping(prefix = "gateway.export")
public interface ExportConfig {

    /**
     * Stream a customer's export from the account API's CSV endpoint ({@code /cdr/export}) when the customer's own
     * credentials are known. Off: page through the list endpoints for every export.
     */
    @WithDefault("true")
    boolean useAccountExport();

    /** Rows per upstream page when paging through list endpoints (Vobiz allows at most 100). */
    @WithDefault("100")
    int pageSize();

    /**
     * Prefix text cells that a spreadsheet would run as a formula ({@code = + - @}, tab or carriage return first,
     * and not a plain number) with {@code '}.
     */
    @WithDefault("true")
    boolean formulaGuard();
}
