package org.edm.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.edm.search.query.SyntheticSections.Section;
import org.edm.search.query.syntax.UserQuery.Item;
import org.edm.search.query.syntax.UserQuery;

/**
 * The same sections in Apache Lucene (BM25, EnglishAnalyzer, title boosted like
 * PostgreSQL's weight A over B), as the reference for speed and ranking. User queries are
 * parsed by the API's own parser and translated item by item: a word that the analyzer
 * splits, or a quoted phrase, becomes a phrase query; the last word while typing a prefix
 * query.
 */
final class LuceneReference implements AutoCloseable {

    static final float TITLE_BOOST = 2.5f;

    private final Analyzer analyzer = new EnglishAnalyzer();

    private final FSDirectory directory;

    private IndexWriter writer;

    private DirectoryReader reader;

    private IndexSearcher searcher;

    private final boolean needsDocuments;

    /**
     * Opens the index in {@code directory}; an index there with exactly {@code size}
     * documents is reused.
     */
    LuceneReference(Path directory, int size) throws IOException {
        this.directory = FSDirectory.open(directory);
        boolean reusable = false;
        if (DirectoryReader.indexExists(this.directory)) {
            try (DirectoryReader existing = DirectoryReader.open(this.directory)) {
                reusable = existing.numDocs() == size;
            }
        }
        needsDocuments = !reusable;
        var config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256)
            .setSimilarity(new BM25Similarity())
            .setOpenMode(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        writer = new IndexWriter(this.directory, config);
    }

    boolean needsDocuments() {
        return needsDocuments;
    }

    void add(Section section) {
        var document = new Document();
        document.add(new StringField("id", section.id().toString(), Field.Store.YES));
        document.add(new TextField("title", section.title() == null ? "" : section.title(), Field.Store.NO));
        document.add(new TextField("content", section.content() == null ? "" : section.content(), Field.Store.NO));
        try {
            writer.addDocument(document);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Commits, merges into one segment (as a read-mostly index would be), and opens the
     * searcher.
     */
    void finish() throws IOException {
        writer.forceMerge(1);
        writer.close();
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    Query translate(UserQuery query) {
        var all = new BooleanQuery.Builder();
        for (List<Item> group : query.required()) {
            var any = new BooleanQuery.Builder();
            for (Item item : group) {
                any.add(match(item), Occur.SHOULD);
            }
            all.add(any.build(), Occur.MUST);
        }
        for (Item item : query.excluded()) {
            all.add(match(item), Occur.MUST_NOT);
        }
        return all.build();
    }

    List<UUID> top(Query query, int n) throws IOException {
        return ids(searcher.search(query, n));
    }

    /**
     * Lucene's scores of the given sections for the query (0 where a section does not
     * match in Lucene).
     */
    double scoreSum(Query query, Collection<UUID> sections) throws IOException {
        if (sections.isEmpty()) {
            return 0;
        }
        var restricted = new BooleanQuery.Builder().add(query, Occur.MUST)
            .add(new TermInSetQuery("id", sections.stream().map(id -> new BytesRef(id.toString())).toList()),
                    Occur.FILTER)
            .build();
        double sum = 0;
        for (ScoreDoc hit : searcher.search(restricted, sections.size()).scoreDocs) {
            sum += hit.score;
        }
        return sum;
    }

    double scoreSumOfTop(Query query, int n) throws IOException {
        double sum = 0;
        for (ScoreDoc hit : searcher.search(query, n).scoreDocs) {
            sum += hit.score;
        }
        return sum;
    }

    private Query match(Item item) {
        if (item.titleOnly()) {
            // as in the API: a camel-case identifier's words written apart count in
            // titles only
            return new BoostQuery(field("title", item), TITLE_BOOST);
        }
        var either = new BooleanQuery.Builder();
        either.add(new BoostQuery(field("title", item), TITLE_BOOST), Occur.SHOULD);
        either.add(field("content", item), Occur.SHOULD);
        return either.build();
    }

    private Query field(String field, Item item) {
        List<Token> tokens = analyze(field, item.text());
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        if (tokens.size() == 1) {
            var term = new Term(field, tokens.get(0).text());
            return item.prefix() ? new PrefixQuery(term) : new TermQuery(term);
        }
        var phrase = new PhraseQuery.Builder();
        for (Token token : tokens) {
            phrase.add(new Term(field, token.text()), token.position());
        }
        return phrase.build();
    }

    private record Token(String text, int position) {
    }

    /**
     * The analyzer's tokens with their positions (removed stop words leave gaps, as in
     * the index).
     */
    private List<Token> analyze(String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private List<UUID> ids(TopDocs top) throws IOException {
        List<UUID> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : top.scoreDocs) {
            ids.add(UUID.fromString(stored.document(hit.doc).get("id")));
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        directory.close();
    }

}
