package org.edm.parser.processing;

import org.edm.parser.ocr.OcrProperties;
import org.edm.parser.split.DocumentSplitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * The splitter library with the limits of {@code edm.parser.*} and the OCR of
     * {@code edm.parser.ocr.*}; it is thread-safe, so one serves all threads.
     */
    @Bean
    PdfSplitter pdfSplitter(ParserSettings settings, OcrProperties ocr) {
        return new DocumentSplitter(settings.splitSettings().withOcr(ocr.splitSettings()))::split;
    }

}
