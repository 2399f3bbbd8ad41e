package org.edm.ingest.upload;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The container's multipart limits derived from {@code edm.upload.max-size}, so there is one setting to change
 * (this bean replaces Boot's {@code spring.servlet.multipart.*}).
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(UploadSettings settings) throws IOException {
        String location = "";
        if (settings.spoolDirectory() != null) {
            location = Files.createDirectories(settings.spoolDirectory()).toAbsolutePath().toString();
        }
        long maxFile = settings.maxSize().toBytes();
        long maxRequest = maxFile + settings.maxMetadataSize().toBytes() + UploadSettings.REQUEST_OVERHEAD.toBytes();
        return new MultipartConfigElement(location, maxFile, maxRequest,
                (int) UploadSettings.SPOOL_THRESHOLD.toBytes());
    }
}
