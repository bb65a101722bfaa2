package dev.cdrgateway.vobiz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How an export reads its calls from Vobiz ({@code gateway.export.use-account-export}, {@code gateway.export.page-size}):
 * which Vobiz endpoint streams them is the adapter's choice, so these settings live with it. The export's own
 * settings (the CSV it writes) are in {@code export/ExportConfig}, under the same prefix.
 */
@ConfigMapping(prefix = "gateway.export")
public interface VobizExportConfig {

    /**
     * Stream a customer's export from the account API's CSV endpoint ({@code /cdr/export}) when the customer's own
     * credentials are known. Off: page through the list endpoints for every export.
     */
    @WithDefault("true")
    boolean useAccountExport();

    /** Rows per upstream page when paging through list endpoints (Vobiz allows at most 100). */
    @WithDefault("100")
    int pageSize();
}
