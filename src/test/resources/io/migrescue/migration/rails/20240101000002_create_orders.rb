class CreateOrders < ActiveRecord::Migration[6.1]
  def change
    create_table :orders do |t|
      t.references :user, null: false, foreign_key: true
      t.string :status, default: "new"
      t.timestamps
    end
    add_column :users, :nick, :string
    add_index :orders, [:status, :created_at]
    add_reference :orders, :owner, foreign_key: { to_table: :users }
    add_foreign_key :orders, :users, column: :owner_id, name: "custom_fk", on_delete: :cascade
    change_column :users, :nick, :text
    change_column_null :users, :name, false
    change_column_default :users, :age, 3
    rename_column :users, :nick, :nickname
    remove_column :users, :big
    remove_index :users, :email
  end
end
