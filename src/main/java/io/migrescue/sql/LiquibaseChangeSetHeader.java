package io.migrescue.sql;

/**
 * What DATABASECHANGELOG records of a changeset besides its run, the same whether an XML/YAML/JSON changelog or a
 * formatted SQL one declares it: its key (id, author, logicalFilePath) and its contexts, labels and comments.
 */
public interface LiquibaseChangeSetHeader {
    String id();

    String author();

    /** The FILENAME it declares for itself, or null: then the changelog's path as Liquibase found it. */
    String logicalFilePath();

    String contexts();

    String labels();

    String comments();
}
