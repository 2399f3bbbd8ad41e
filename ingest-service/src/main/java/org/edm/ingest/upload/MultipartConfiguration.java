package org.edm.ingest.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;
import org.edm.ingest.storage.DocumentStorage;
import org.edm.ingest.web.ApiPaths;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The container's multipart limits derived from {@code edm.upload.max-size}, so there is
 * one setting to change (this bean replaces Boot's {@code spring.servlet.multipart.*}).
 * The container spools file parts into the storage's landing directory, on the staging
 * file system: staging an upload is then a rename, and its bytes are written to disk
 * once, not spooled and copied again.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(UploadSettings settings, DocumentStorage storage) throws IOException {
        Path spool = settings.spoolDirectory() != null ? settings.spoolDirectory() : storage.landingDirectory();
        String location = Files.createDirectories(spool).toAbsolutePath().toString();
        long maxFile = settings.maxSize().toBytes();
        long maxRequest = maxFile + settings.maxMetadataSize().toBytes() + UploadSettings.REQUEST_OVERHEAD.toBytes();
        return new MultipartConfigElement(location, maxFile, maxRequest,
                (int) UploadSettings.SPOOL_THRESHOLD.toBytes());
    }

    /**
     * The free-space floor, before the container reads an upload's body (after the
     * security filters).
     */
    @Bean
    FilterRegistrationBean<FreeSpaceFloor> freeSpaceFloor(DocumentStorage storage, UploadSettings settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(new FreeSpaceFloor(storage, settings, problems));
        registration.addUrlPatterns(ApiPaths.DOCUMENTS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

}
